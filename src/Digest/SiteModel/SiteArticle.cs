using Digest.Content;

namespace Digest.SiteModel;

/// <summary>An article placed in the site: its URL, neighbours, terms and related articles.</summary>
public sealed class SiteArticle(Article source, string url, DateTimeOffset localDate)
{
    private Article _source = source;
    /// <summary>Kept while the source is: a model revised after an edit signs only the articles read again.</summary>
    private StorySignature? _signature;

    /// <summary>What the article's file holds; replaced only when a new file places it exactly where it was.</summary>
    public Article Source
    {
        get => _source;
        internal set => (_source, _signature) = (value, null);
    }
    /// <summary>Site-relative URL, e.g. /2026/11/03/rail-link-reopens/.</summary>
    public string Url { get; } = url;
    /// <summary>The date in the site's time zone, which decides the daily edition.</summary>
    public DateTimeOffset LocalDate { get; } = localDate;
    /// <summary>Position in the site's newest-first order.</summary>
    public int Index { get; internal set; }
    public SiteArticle? Older { get; internal set; }
    public SiteArticle? Newer { get; internal set; }
    public IReadOnlyList<Term> Categories { get; internal set; } = [];
    public IReadOnlyList<Term> Tags { get; internal set; } = [];
    public IReadOnlyList<SiteArticle> Related { get; internal set; } = [];
    /// <summary>The story this article reports with others, or null.</summary>
    public Story? Story { get; internal set; }
    public string EditionUrl => Archive.DayUrl(LocalDate);

    internal StorySignature Signature() => _signature ??= StorySignature.Of(Source);
}
