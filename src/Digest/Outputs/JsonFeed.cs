using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Digest.Content;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the newest articles.</summary>
internal static class JsonFeed
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), NewLine = "\n" };

    public static void Write(Stream output, FeedContext feed, IReadOnlyList<SiteArticle> articles)
    {
        var settings = feed.Settings;
        using (var w = new Utf8JsonWriter(output, Options))
        {
            w.WriteStartObject();
            w.WriteString("version", "https://jsonfeed.org/version/1.1");
            w.WriteString("title", settings.Title);
            w.WriteString("home_page_url", feed.Urls.AbsUrl(feed.Prefix + "/"));
            w.WriteString("feed_url", feed.Urls.AbsUrl(feed.Prefix + "/feed.json"));
            if (settings.Description.Length > 0)
            {
                w.WriteString("description", settings.Description);
            }

            w.WriteString("language", settings.Language);
            if (settings.Author.Length > 0)
            {
                WriteAuthors(w, [settings.Author]);
            }

            w.WriteStartArray("items");
            foreach (var article in feed.Newest(articles))
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
                foreach (var term in article.Categories.Concat(article.Tags))
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
