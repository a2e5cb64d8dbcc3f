using Digest.Configuration;
using Digest.Content;

namespace Digest.SiteModel;

/// <summary>An article placed in the site: its URL, neighbours, terms and related articles.</summary>
/// <param name="language">The language edition the article belongs to.</param>
public sealed class SiteArticle(Article source, string url, DateTimeOffset localDate, SiteLanguage language)
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
    public SiteLanguage Language { get; } = language;
    /// <summary>The language the article is written in: its <c>lang</c>, else its edition's.</summary>
    public string LanguageCode => Source.Lang.Length > 0 ? Source.Lang : Language.Code;
    /// <summary>The same story in the site's other languages (<c>translation_key</c>, <c>translation_of</c>), in the editions' order.</summary>
    public IReadOnlyList<SiteArticle> Translations { get; internal set; } = [];
    /// <summary>The story this article reports with others, or null.</summary>
    public Story? Story { get; internal set; }
    public string EditionUrl => Archive.DayUrl(Language.Prefix, LocalDate);

    internal StorySignature Signature() => _signature ??= StorySignature.Of(Source);
}
