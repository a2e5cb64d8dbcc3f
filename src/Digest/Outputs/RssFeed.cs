using Digest.Content;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>
/// RSS 2.0 of the newest articles, dates in RFC 822. Readers take <c>description</c> as HTML, so the summary (plain
/// text) is HTML-escaped there and shows as the text it is; the full content goes in <c>content:encoded</c>.
/// </summary>
internal static class RssFeed
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    public static void Write(Stream output, FeedContext feed, IReadOnlyList<SiteArticle> articles)
    {
        var newest = feed.Newest(articles);
        var settings = feed.Settings;
        XmlOutput.Write(output, w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("xmlns", "content", null, ContentNamespace);
            w.WriteStartElement("channel");
            w.WriteElementString("title", XmlOutput.Clean(settings.Title));
            w.WriteElementString("link", feed.Urls.AbsUrl(feed.Prefix + "/"));
            w.WriteElementString("description", XmlOutput.Clean(settings.Description.Length > 0 ? settings.Description : settings.Title));
            w.WriteElementString("language", settings.Language);
            w.WriteElementString("generator", feed.Generator);
            if (newest.Count > 0)
            {
                w.WriteElementString("lastBuildDate", Dates.ToRfc822(newest.Max(FeedContext.LastChange)));
            }

            w.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("href", feed.Urls.AbsUrl(feed.Prefix + "/rss.xml"));
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var article in newest)
            {
                var source = article.Source;
                var url = feed.Urls.AbsUrl(article.Url);
                w.WriteStartElement("item");
                w.WriteElementString("title", XmlOutput.Clean(source.Title));
                w.WriteElementString("link", url);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(url);
                w.WriteEndElement();
                w.WriteElementString("pubDate", Dates.ToRfc822(source.Date!.Value));
                foreach (var term in article.Categories.Concat(article.Tags))
                {
                    w.WriteElementString("category", XmlOutput.Clean(term.Name));
                }

                w.WriteElementString("description", XmlOutput.Clean(EscapeHtml(source.Summary)));
                if (source.Content.Html.Length > 0)
                {
                    w.WriteElementString("content", "encoded", ContentNamespace, XmlOutput.Clean(source.Content.Html));
                }
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    /// <summary>Text as HTML that shows exactly that text: only '&amp;', '&lt;' and '&gt;' need escaping outside attributes.</summary>
    private static string EscapeHtml(string text) => text.AsSpan().IndexOfAny('&', '<', '>') < 0
        ? text
        : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
