namespace Digest.Configuration;

/// <summary>The <c>stories:</c> settings: how articles that report one event are grouped into a story.</summary>
public sealed record StorySettings
{
    /// <summary>Off (<c>stories: false</c>), no article belongs to a story.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>How far apart in time two reports of one event may be.</summary>
    public int WindowDays { get; init; } = 3;
    /// <summary>
    /// The least estimated Jaccard similarity of two articles' shingles (title and summary) for them to report one
    /// event. On the labelled set (tests/Digest.Tests/SiteModel/StoryLabelledSet.cs) reports of one event in one
    /// language score 0.55 to 0.80 and reports of different events at most 0.33: this is between the two.
    /// </summary>
    public double Similarity { get; init; } = 0.45;
    /// <summary>Lists (home, terms, archives) show one entry per story, its newest article, instead of every article.</summary>
    public bool OneEntryPerStory { get; init; }
}
