using Digest.Content;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>
/// RSS 2.0 of the newest articles, dates in RFC 822. Readers take <c>description</c> as HTML, so the summary (plain
/// text) is HTML-escaped there and shows as the text it is; the full content goes in <c>content:encoded</c>. Authors
/// are <c>dc:creator</c>: RSS's own <c>author</c> must be an e-mail address, which front matter does not give.
/// </summary>
internal static class RssFeed
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public static void Write(Stream output, FeedContext feed, FeedChannel channel)
    {
        var newest = feed.Newest(channel.Articles);
        var settings = feed.Settings;
        XmlOutput.Write(output, w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("xmlns", "content", null, ContentNamespace);
            w.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
            w.WriteStartElement("channel");
            w.WriteElementString("title", XmlOutput.Clean(channel.Title));
            w.WriteElementString("link", feed.Urls.AbsUrl(channel.PageUrl));
            w.WriteElementString("description", XmlOutput.Clean(settings.Description.Length > 0 ? settings.Description : settings.Title));
            w.WriteElementString("language", feed.Site.LanguageOf(null));
            w.WriteElementString("generator", feed.Generator);
            if (newest.Count > 0)
            {
                w.WriteElementString("lastBuildDate", Dates.ToRfc822(newest.Max(FeedContext.LastChange)));
            }

            w.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("href", feed.Urls.AbsUrl(channel.RssUrl));
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
                foreach (var author in source.Authors.Count > 0 ? source.Authors : settings.Author.Length > 0 ? [settings.Author] : [])
                {
                    w.WriteElementString("dc", "creator", DublinCoreNamespace, XmlOutput.Clean(author));
                }

                foreach (var term in FeedContext.TermsOf(article))
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
