using Digest.Configuration;

namespace Digest.SiteModel;

/// <summary>The whole site after every article is read: computed once, then only read by the render stage.</summary>
public sealed class Site
{
    public required SiteSettings Settings { get; init; }
    /// <summary>Newest first; ties keep source path order.</summary>
    public required IReadOnlyList<SiteArticle> Articles { get; init; }
    /// <summary>Standalone pages by menu order, then title.</summary>
    public required IReadOnlyList<SiteArticle> Pages { get; init; }
    /// <summary>Sorted by name, case-insensitively.</summary>
    public required IReadOnlyList<Term> Tags { get; init; }
    public required IReadOnlyList<Term> Categories { get; init; }
    /// <summary>Newest first.</summary>
    public required IReadOnlyList<Archive> Days { get; init; }
    public required IReadOnlyList<Archive> Months { get; init; }
    public required IReadOnlyList<Archive> Years { get; init; }
    /// <summary>Articles that report one event, newest first (<see cref="StoryGrouping"/>).</summary>
    public required IReadOnlyList<Story> Stories { get; init; }

    /// <summary>
    /// The language of a page: the article's own <c>lang</c>, else the site's. Every output that names a language asks
    /// here (og:locale, feeds, the Google News sitemap), so that a site of several languages changes only this.
    /// </summary>
    public string LanguageOf(SiteArticle? article) => article is { Source.Lang.Length: > 0 } ? article.Source.Lang : Settings.Language;
}
