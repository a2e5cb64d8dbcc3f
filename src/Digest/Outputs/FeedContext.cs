using Digest.Configuration;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>What every feed needs: the site, the settings of the edition it is of, the URL helper and the newest articles to list.</summary>
internal sealed record FeedContext(Site Site, UrlFunctions Urls, string Generator)
{
    /// <summary>The site's settings, with the title, description and language of the edition the feed is of.</summary>
    public SiteSettings Settings { get; init; } = Site.Settings;

    public IReadOnlyList<SiteArticle> Newest(IReadOnlyList<SiteArticle> articles) => [.. articles.Take(Settings.FeedSize)];

    public static DateTimeOffset LastChange(SiteArticle article) => article.Source.Updated ?? article.Source.Date!.Value;

    /// <summary>An entry's categories, then its tags: a tag named as one of its categories (any case) is listed once, as the category.</summary>
    public static IEnumerable<Term> TermsOf(SiteArticle article) =>
        article.Categories.Concat(article.Tags).DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase);
}
