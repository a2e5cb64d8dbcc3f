using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Digest.Content;
using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>
/// schema.org NewsArticle JSON-LD, built in C# so that content can never break out of the script element:
/// the encoder escapes '&lt;', '&gt;' and '&amp;' as \u003C-style sequences.
/// </summary>
public static class JsonLd
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Every category is an <c>articleSection</c>; the source, when there is one, is what the article <c>isBasedOn</c>.</summary>
    /// <param name="publisher">The name of the site's edition the article is in.</param>
    public static string NewsArticle(Site site, SiteArticle article, UrlFunctions urls, string publisher)
    {
        var source = article.Source;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "NewsArticle");
            w.WriteString("headline", source.Title);
            w.WriteString("description", source.Summary);
            w.WriteString("url", urls.AbsUrl(article.Url));
            w.WriteString("mainEntityOfPage", urls.AbsUrl(article.Url));
            w.WriteString("datePublished", Dates.ToRfc3339(source.Date!.Value));
            w.WriteString("dateModified", Dates.ToRfc3339(source.Updated ?? source.Date!.Value));
            w.WriteString("inLanguage", site.LanguageOf(article));

            if (source.Image.Length > 0)
            {
                w.WriteStartArray("image");
                w.WriteStringValue(urls.AbsUrl(source.Image));
                w.WriteEndArray();
            }

            w.WriteStartArray("author");
            foreach (var author in source.Authors)
            {
                w.WriteStartObject();
                w.WriteString("@type", "Person");
                w.WriteString("name", author);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (source.Source.Length > 0)
            {
                w.WriteStartObject("isBasedOn");
                w.WriteString("@type", "CreativeWork");
                w.WriteString("name", source.Source);
                if (source.SourceUrl.Length > 0)
                {
                    w.WriteString("url", source.SourceUrl);
                }

                w.WriteEndObject();
            }

            w.WriteStartObject("publisher");
            w.WriteString("@type", "Organization");
            w.WriteString("name", publisher);
            w.WriteEndObject();
            if (article.Categories.Count > 0)
            {
                w.WriteStartArray("articleSection");
                foreach (var category in article.Categories)
                {
                    w.WriteStringValue(category.Name);
                }

                w.WriteEndArray();
            }

            if (article.Tags.Count > 0)
            {
                w.WriteString("keywords", string.Join(", ", article.Tags.Select(t => t.Name)));
            }

            w.WriteNumber("wordCount", source.WordCount);
            w.WriteEndObject();
        }

        return "<script type=\"application/ld+json\">" + System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "</script>";
    }
}
