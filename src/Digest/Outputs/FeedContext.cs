using Digest.Configuration;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>What every feed needs: the settings, the URL helper and the newest articles to list.</summary>
/// <param name="Settings">The site's settings, with the title, description and language of the edition the feed is of.</param>
/// <param name="Prefix">The edition's URL prefix: "" or "/ru".</param>
internal sealed record FeedContext(SiteSettings Settings, UrlFunctions Urls, string Generator, string Prefix = "")
{
    public IReadOnlyList<SiteArticle> Newest(IReadOnlyList<SiteArticle> articles) => [.. articles.Take(Settings.FeedSize)];

    public static DateTimeOffset LastChange(SiteArticle article) => article.Source.Updated ?? article.Source.Date!.Value;
}
