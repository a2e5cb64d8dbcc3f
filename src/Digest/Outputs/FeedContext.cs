using Digest.Configuration;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>What every feed needs: the settings, the URL helper and the newest articles to list.</summary>
internal sealed record FeedContext(SiteSettings Settings, UrlFunctions Urls, string Generator)
{
    public IReadOnlyList<SiteArticle> Newest(IReadOnlyList<SiteArticle> articles) => [.. articles.Take(Settings.FeedSize)];

    public static DateTimeOffset LastChange(SiteArticle article) => article.Source.Updated ?? article.Source.Date!.Value;
}
