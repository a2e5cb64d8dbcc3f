using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;

namespace Digest.Importing;

/// <summary>
/// The items of an RSS 2.0 or Atom feed (System.ServiceModel.Syndication) or a JSON Feed (1.0 and 1.1, read as JSON), as
/// stories: HTML content sanitised into Markdown, the item's link as <c>source_url</c>, authors, dates and categories kept.
/// </summary>
public static class FeedStories
{
    /// <summary>Whether the text is a feed rather than a wire or plain text.</summary>
    public static bool IsFeed(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith('{'))
        {
            return start.Contains("jsonfeed.org/version/", StringComparison.Ordinal);
        }

        return start.StartsWith('<') && (start.Contains("<rss", StringComparison.Ordinal) || start.Contains("<feed", StringComparison.Ordinal));
    }

    /// <summary>The feed's stories; throws <see cref="FormatException"/> when it does not parse as a feed.</summary>
    /// <param name="origin">The file or URL, which names each story with its item number.</param>
    public static IReadOnlyList<ImportedStory> Read(string text, string origin, TimeZoneInfo zone) =>
        text.AsSpan().TrimStart().StartsWith('{') ? ReadJson(text, origin, zone) : ReadXml(text, origin, zone);

    private static List<ImportedStory> ReadXml(string text, string origin, TimeZoneInfo zone)
    {
        // No DTD and no external entities: a feed from the network must not read local files or expand billions of laughs.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024 };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            // An unreadable date leaves the item undated (the importer then says so) instead of failing the whole feed.
            TryParseDateTimeCallback parseDate = (XmlDateTimeData data, out DateTimeOffset value) =>
            {
                value = WireDates.TryParse(data.DateTimeString, zone, out var date) ? date.Value : default;
                return true;
            };
            var rss = new Rss20FeedFormatter { DateTimeParser = parseDate };
            var atom = new Atom10FeedFormatter { DateTimeParser = parseDate };
            SyndicationFeedFormatter formatter = rss.CanRead(reader) ? rss : atom.CanRead(reader) ? atom
                : throw new FormatException("the file is XML but neither an RSS 2.0 nor an Atom feed");
            formatter.ReadFrom(reader);
            feed = formatter.Feed;
        }
        catch (XmlException ex)
        {
            throw new FormatException($"the feed is not well-formed XML ({ex.Message})", ex);
        }

        var stories = new List<ImportedStory>();
        var number = 0;
        foreach (var item in feed.Items)
        {
            number++;
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()?.AbsoluteUri
                ?? (Uri.TryCreate(item.Id, UriKind.Absolute, out var id) && id.Scheme is "http" or "https" ? id.AbsoluteUri : "");
            var html = Encoded(item) ?? (item.Content as TextSyndicationContent)?.Text ?? item.Summary?.Text ?? "";
            var summary = item.Content is not null || Encoded(item) is not null ? PlainText(item.Summary?.Text) : "";
            var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            var title = PlainText(item.Title?.Text);
            stories.Add(Story(origin, number, title, date == default ? null : StoryDate.At(date, zone), html, link) with
            {
                Summary = summary,
                Source = PlainText(feed.Title?.Text),
                Authors = [.. item.Authors.Select(AuthorName).Where(n => n.Length > 0)],
                Categories = [.. item.Categories.Select(c => c.Label ?? c.Name).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())],
            });
        }

        return stories;
    }

    /// <summary>Atom's name; RSS's "desk@example.org (Ani Sargsyan)" is the name in brackets, else the address.</summary>
    private static string AuthorName(SyndicationPerson person)
    {
        if (!string.IsNullOrWhiteSpace(person.Name))
        {
            return person.Name.Trim();
        }

        var email = person.Email?.Trim() ?? "";
        var open = email.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && email.EndsWith(')') ? email[(open + 2)..^1].Trim() : email;
    }

    private static List<ImportedStory> ReadJson(string text, string origin, TimeZoneInfo zone)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            var feedTitle = String(root, "title");
            var feedAuthors = Authors(root);
            var stories = new List<ImportedStory>();
            var number = 0;
            foreach (var item in root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : default)
            {
                number++;
                var html = String(item, "content_html");
                var body = html.Length > 0 ? html : System.Net.WebUtility.HtmlEncode(String(item, "content_text")).Replace("\n\n", "<p>", StringComparison.Ordinal);
                var dateText = String(item, "date_published") is { Length: > 0 } published ? published : String(item, "date_modified");
                StoryDate? date = WireDates.TryParse(dateText, zone, out var parsed) ? parsed : null;
                var authors = Authors(item);
                stories.Add(Story(origin, number, PlainText(String(item, "title")), date, body, String(item, "url")) with
                {
                    Summary = PlainText(String(item, "summary")),
                    Source = PlainText(feedTitle),
                    Authors = authors.Count > 0 ? authors : feedAuthors,
                    Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                        ? [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0)]
                        : [],
                });
            }

            return stories;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the JSON Feed does not parse ({ex.Message})", ex);
        }
    }

    private static ImportedStory Story(string origin, int number, string title, StoryDate? date, string html, string link)
    {
        var url = Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : "";
        return new ImportedStory($"{origin}#{number}", title, date, HtmlToMarkdown.Convert(html, url)) { SourceUrl = url };
    }

    /// <summary>RSS's <c>content:encoded</c>, the full HTML many feeds carry beside a short description.</summary>
    private static string? Encoded(SyndicationItem item)
    {
        var extension = item.ElementExtensions.FirstOrDefault(e => e.OuterName == "encoded" && e.OuterNamespace == "http://purl.org/rss/1.0/modules/content/");
        if (extension is null)
        {
            return null;
        }

        // Read as XML text rather than with GetObject, whose data-contract serializer needs reflection.
        using var reader = extension.GetReader();
        return reader.ReadElementContentAsString();
    }

    /// <summary>A title or summary: feeds often carry them as HTML; the text alone is kept.</summary>
    private static string PlainText(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : string.Join(' ', HtmlToMarkdown.PlainText(html).Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<string> Authors(JsonElement element)
    {
        var names = new List<string>();
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(authors.EnumerateArray().Select(a => String(a, "name")).Where(n => n.Length > 0));
        }
        else if (element.TryGetProperty("author", out var author))
        {
            names.Add(String(author, "name"));
        }

        return [.. names.Where(n => n.Length > 0)];
    }

    private static string String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim() : "";
}
