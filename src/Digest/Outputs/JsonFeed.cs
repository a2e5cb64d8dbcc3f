using System.Text.Json;
using Digest.Content;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the newest articles, its text unescaped (<see cref="UnescapedJsonEncoder"/>).</summary>
internal static class JsonFeed
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = UnescapedJsonEncoder.Instance, NewLine = "\n" };

    public static void Write(Stream output, FeedContext feed, FeedChannel channel)
    {
        var settings = feed.Settings;
        using (var w = new Utf8JsonWriter(output, Options))
        {
            w.WriteStartObject();
            w.WriteString("version", "https://jsonfeed.org/version/1.1");
            w.WriteString("title", channel.Title);
            w.WriteString("home_page_url", feed.Urls.AbsUrl(channel.PageUrl));
            w.WriteString("feed_url", feed.Urls.AbsUrl(channel.JsonUrl));
            if (settings.Description.Length > 0)
            {
                w.WriteString("description", settings.Description);
            }

            w.WriteString("language", feed.Site.LanguageOf(null));
            if (settings.Author.Length > 0)
            {
                WriteAuthors(w, [settings.Author]);
            }

            w.WriteStartArray("items");
            foreach (var article in feed.Newest(channel.Articles))
            {
                var source = article.Source;
                var url = feed.Urls.AbsUrl(article.Url);
                w.WriteStartObject();
                w.WriteString("id", url);
                w.WriteString("url", url);
                w.WriteString("title", source.Title);
                w.WriteString("content_html", source.Content.Html);
                w.WriteString("summary", source.Summary);
                if (source.Image.Length > 0)
                {
                    w.WriteString("image", feed.Urls.AbsUrl(source.Image));
                }

                w.WriteString("date_published", Dates.ToRfc3339(source.Date!.Value));
                if (source.Updated is { } updated)
                {
                    w.WriteString("date_modified", Dates.ToRfc3339(updated));
                }

                if (source.Authors.Count > 0)
                {
                    WriteAuthors(w, source.Authors);
                }

                if (source.Lang.Length > 0)
                {
                    w.WriteString("language", source.Lang);
                }

                w.WriteStartArray("tags");
                foreach (var term in FeedContext.TermsOf(article))
                {
                    w.WriteStringValue(term.Name);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteAuthors(Utf8JsonWriter w, IEnumerable<string> names)
    {
        w.WriteStartArray("authors");
        foreach (var name in names)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
