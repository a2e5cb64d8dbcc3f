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
    /// event. Chosen on the labelled set of tests/Digest.Tests/SiteModel/StoryLabelledSet.cs.
    /// </summary>
    public double Similarity { get; init; } = 0.3;
    /// <summary>Lists (home, terms, archives) show one entry per story, its newest article, instead of every article.</summary>
    public bool OneEntryPerStory { get; init; }
}
