using Digest.Configuration;

namespace Digest.SiteModel;

/// <summary>The whole site after every article is read: computed once, then only read by the render stage.</summary>
public sealed class Site
{
    public required SiteSettings Settings { get; init; }
    /// <summary>Every edition's articles, newest first; ties keep source path order.</summary>
    public required IReadOnlyList<SiteArticle> Articles { get; init; }
    /// <summary>Every edition's standalone pages by menu order, then title.</summary>
    public required IReadOnlyList<SiteArticle> Pages { get; init; }
    /// <summary>The language editions, the default language's first; one for a site in one language.</summary>
    public required IReadOnlyList<Edition> Editions { get; init; }

    /// <summary>Every edition's tags, then every edition's categories.</summary>
    public IEnumerable<Term> Terms => Editions.SelectMany(e => e.Tags).Concat(Editions.SelectMany(e => e.Categories));

    /// <summary>Every edition's lists of all tags and of all categories: what an index of terms reads.</summary>
    public IEnumerable<IReadOnlyList<Term>> TermLists => Editions.SelectMany(e => new[] { e.Tags, e.Categories });

    public Edition EditionOf(string language) =>
        Editions.FirstOrDefault(e => e.Code.Equals(language, StringComparison.OrdinalIgnoreCase)) ?? Editions[0];
    /// <summary>Articles that report one event, newest first (<see cref="StoryGrouping"/>).</summary>
    public required IReadOnlyList<Story> Stories { get; init; }

    /// <summary>
    /// The language of a page: the article's own (<see cref="SiteArticle.LanguageCode"/>), else the default edition's.
    /// Every output that names a language asks here (og:locale, feeds, the Google News sitemap).
    /// </summary>
    public string LanguageOf(SiteArticle? article) => article?.LanguageCode ?? Editions[0].Code;
}
