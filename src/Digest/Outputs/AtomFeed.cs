using Digest.Content;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>Atom 1.0 (RFC 4287) with full content, for the site and for each tag and category.</summary>
internal static class AtomFeed
{
    private const string Namespace = "http://www.w3.org/2005/Atom";

    public static void Write(Stream output, FeedContext feed, FeedChannel channel)
    {
        var (title, feedUrl, pageUrl) = (channel.Title, channel.AtomUrl, channel.PageUrl);
        var newest = feed.Newest(channel.Articles);
        var updated = newest.Count > 0 ? newest.Max(FeedContext.LastChange) : DateTimeOffset.UnixEpoch;
        XmlOutput.Write(output, w =>
        {
            w.WriteStartElement("feed", Namespace);
            w.WriteAttributeString("xml", "lang", null, feed.Site.LanguageOf(null));
            w.WriteElementString("title", XmlOutput.Clean(title));
            if (feed.Settings.Description.Length > 0)
            {
                w.WriteElementString("subtitle", XmlOutput.Clean(feed.Settings.Description));
            }

            w.WriteElementString("id", feed.Urls.AbsUrl(feedUrl));
            Link(w, "self", feed.Urls.AbsUrl(feedUrl), "application/atom+xml");
            Link(w, "alternate", feed.Urls.AbsUrl(pageUrl), "text/html");
            w.WriteElementString("updated", Dates.ToRfc3339(updated));
            if (feed.Settings.Author.Length > 0)
            {
                w.WriteStartElement("author");
                w.WriteElementString("name", XmlOutput.Clean(feed.Settings.Author));
                w.WriteEndElement();
            }

            w.WriteElementString("generator", feed.Generator);
            foreach (var article in newest)
            {
                Entry(w, feed, article);
            }

            w.WriteEndElement();
        });
    }

    private static void Entry(System.Xml.XmlWriter w, FeedContext feed, SiteArticle article)
    {
        var source = article.Source;
        var url = feed.Urls.AbsUrl(article.Url);
        w.WriteStartElement("entry");
        w.WriteAttributeString("xml", "lang", null, feed.Site.LanguageOf(article));
        w.WriteElementString("title", XmlOutput.Clean(source.Title));
        Link(w, "alternate", url, "text/html");
        w.WriteElementString("id", url);
        w.WriteElementString("published", Dates.ToRfc3339(source.Date!.Value));
        w.WriteElementString("updated", Dates.ToRfc3339(FeedContext.LastChange(article)));
        var authors = source.Authors.Count > 0 ? source.Authors : feed.Settings.Author.Length > 0 ? [feed.Settings.Author] : [];
        foreach (var author in authors)
        {
            w.WriteStartElement("author");
            w.WriteElementString("name", XmlOutput.Clean(author));
            w.WriteEndElement();
        }

        foreach (var term in FeedContext.TermsOf(article))
        {
            w.WriteStartElement("category");
            w.WriteAttributeString("term", term.Slug);
            w.WriteAttributeString("label", XmlOutput.Clean(term.Name));
            w.WriteEndElement();
        }

        w.WriteStartElement("summary");
        w.WriteAttributeString("type", "text");
        w.WriteString(XmlOutput.Clean(source.Summary));
        w.WriteEndElement();
        w.WriteStartElement("content");
        w.WriteAttributeString("type", "html");
        w.WriteAttributeString("xml", "base", null, url);
        w.WriteString(XmlOutput.Clean(source.Content.Html));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Link(System.Xml.XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
