using Digest.Content;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>
/// The Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): the
/// articles of the last two days, at most 1,000, each with the publication's name and language, its date and title.
/// </summary>
internal static class NewsSitemap
{
    public const string Path = "/news-sitemap.xml";

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>Google reads only the articles of the last two days.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(2);

    /// <summary>The most URLs Google reads from one news sitemap.</summary>
    private const int MostArticles = 1000;

    /// <summary>The articles listed at <paramref name="now"/>, newest first: those published in the two days before it (and any shown with --future).</summary>
    public static IReadOnlyList<SiteArticle> Articles(Site site, DateTimeOffset now) =>
        [.. site.Articles.TakeWhile(a => a.Source.Date > now - Window).Take(MostArticles)];

    /// <summary>The sitemap schema wants at least one URL: a site with no recent article has no news sitemap.</summary>
    public static void Write(Stream output, FeedContext feed, IReadOnlyList<SiteArticle> articles) => XmlOutput.Write(output, w =>
    {
        w.WriteStartElement("urlset", SitemapNamespace);
        w.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var article in articles)
        {
            w.WriteStartElement("url", SitemapNamespace);
            w.WriteElementString("loc", SitemapNamespace, feed.Urls.AbsUrl(article.Url));
            w.WriteStartElement("news", NewsNamespace);
            w.WriteStartElement("publication", NewsNamespace);
            w.WriteElementString("name", NewsNamespace, XmlOutput.Clean(feed.Settings.Title));
            w.WriteElementString("language", NewsNamespace, LanguageCode(feed.Site.LanguageOf(article)));
            w.WriteEndElement();
            w.WriteElementString("publication_date", NewsNamespace, Dates.ToRfc3339(article.Source.Date!.Value));
            w.WriteElementString("title", NewsNamespace, XmlOutput.Clean(article.Source.Title));
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    /// <summary>
    /// What Google News takes for a language: an ISO 639 code of two or three letters, or zh-cn and zh-tw for Chinese.
    /// A language tag such as en-GB gives its first part; Chinese its script or region.
    /// </summary>
    public static string LanguageCode(string tag)
    {
        var parts = tag.ToLowerInvariant().Split('-', '_');
        if (parts[0] == "zh")
        {
            return parts.Any(p => p is "hant" or "tw" or "hk" or "mo") ? "zh-tw" : "zh-cn";
        }

        return parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetterLower) ? parts[0] : "und";
    }
}
