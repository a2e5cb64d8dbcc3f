using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Digest.Tests.Outputs;

/// <summary>The feeds of a small site, parsed back with the framework's own XML and JSON readers.</summary>
public sealed partial class FeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly InlineSite _site = new("""
        -- digest.yml --
        title: Feed Digest
        description: Feeds under test.
        base_url: https://example.org/news/
        time_zone: Asia/Yerevan
        author: Feed desk
        feed_size: 2
        -- input/articles/oldest.md --
        ---
        title: Oldest
        date: 2026-11-01T08:00:00Z
        tags: [rail]
        ---
        Left out of the feeds by feed_size.
        -- input/articles/middle.md --
        ---
        title: Middle
        date: 2026-11-02
        updated: 2026-11-04T12:30:00+04:00
        author: [Anna, Ben]
        categories: [Transport]
        tags: [rail, Ferries]
        summary: The middle story.
        lang: en-GB
        image: /images/photo.svg
        ---
        Body of the **middle** story.
        -- input/images/photo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- input/articles/newest.md --
        ---
        title: Newest
        date: 2026-11-03T21:30:00-05:00
        ---
        The newest story.
        """);

    public FeedTests() => _site.BuildOk();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void AtomFeedListsTheNewestArticlesWithRfc3339Dates()
    {
        var feed = XDocument.Parse(_site.Output("feed.xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("Feed Digest", feed.Element(Atom + "title")!.Value);
        Assert.Equal("https://example.org/news/feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.Equal("2026-11-04T12:30:00+04:00", feed.Element(Atom + "updated")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["Newest", "Middle"], entries.Select(e => e.Element(Atom + "title")!.Value));
        var middle = entries[1];
        Assert.Equal("https://example.org/news/2026/11/02/middle/", middle.Element(Atom + "id")!.Value);
        Assert.Equal("2026-11-02T00:00:00+04:00", middle.Element(Atom + "published")!.Value);
        Assert.Equal("2026-11-04T12:30:00+04:00", middle.Element(Atom + "updated")!.Value);
        Assert.Equal("2026-11-03T21:30:00-05:00", entries[0].Element(Atom + "published")!.Value);
        Assert.Equal(["Anna", "Ben"], middle.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal(["Feed desk"], entries[0].Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal(["Transport", "rail", "Ferries"], middle.Elements(Atom + "category").Select(c => c.Attribute("label")!.Value));
        Assert.Contains("<strong>middle</strong>", middle.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        foreach (var date in feed.Descendants().Where(e => e.Name.LocalName is "updated" or "published"))
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", date.Value);
            Assert.True(DateTimeOffset.TryParse(date.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        }
    }

    [Fact]
    public void RssFeedUsesRfc822Dates()
    {
        var channel = XDocument.Parse(_site.Output("rss.xml")).Root!.Element("channel")!;
        Assert.Equal("https://example.org/news/", channel.Element("link")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(["Newest", "Middle"], items.Select(i => i.Element("title")!.Value));
        Assert.Equal("Tue, 03 Nov 2026 21:30:00 -0500", items[0].Element("pubDate")!.Value);
        Assert.Equal("Mon, 02 Nov 2026 00:00:00 +0400", items[1].Element("pubDate")!.Value);
        Assert.Equal("Wed, 04 Nov 2026 12:30:00 +0400", channel.Element("lastBuildDate")!.Value);
        foreach (var date in channel.Descendants().Where(e => e.Name.LocalName is "pubDate" or "lastBuildDate"))
        {
            Assert.Matches(Rfc822(), date.Value);
        }

        Assert.Equal("https://example.org/news/2026/11/02/middle/", items[1].Element("guid")!.Value);
        Assert.Equal("The middle story.", items[1].Element("description")!.Value);
    }

    [Fact]
    public void JsonFeedHasTheFieldsOfVersion11()
    {
        using var json = JsonDocument.Parse(_site.Output("feed.json"));
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Feed Digest", root.GetProperty("title").GetString());
        Assert.Equal("https://example.org/news/", root.GetProperty("home_page_url").GetString());
        Assert.Equal("https://example.org/news/feed.json", root.GetProperty("feed_url").GetString());
        Assert.Equal("Feeds under test.", root.GetProperty("description").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("Feed desk", root.GetProperty("authors")[0].GetProperty("name").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var middle = items[1];
        Assert.Equal("https://example.org/news/2026/11/02/middle/", middle.GetProperty("id").GetString());
        Assert.Equal("https://example.org/news/2026/11/02/middle/", middle.GetProperty("url").GetString());
        Assert.Equal("Middle", middle.GetProperty("title").GetString());
        Assert.Contains("<strong>middle</strong>", middle.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("The middle story.", middle.GetProperty("summary").GetString());
        Assert.Equal("https://example.org/news/images/photo.svg", middle.GetProperty("image").GetString());
        Assert.Equal("2026-11-02T00:00:00+04:00", middle.GetProperty("date_published").GetString());
        Assert.Equal("2026-11-04T12:30:00+04:00", middle.GetProperty("date_modified").GetString());
        Assert.Equal(["Anna", "Ben"], middle.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("en-GB", middle.GetProperty("language").GetString());
        Assert.Equal(["Transport", "rail", "Ferries"], middle.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(items[0].TryGetProperty("date_modified", out _));
    }

    [Fact]
    public void EachTagAndCategoryHasItsOwnAtomFeed()
    {
        var rail = XDocument.Parse(_site.Output("tags/rail/feed.xml")).Root!;
        Assert.Equal("Feed Digest: rail", rail.Element(Atom + "title")!.Value);
        Assert.Equal(["Middle", "Oldest"], rail.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("https://example.org/news/tags/rail/",
            rail.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
        var transport = XDocument.Parse(_site.Output("categories/transport/feed.xml")).Root!;
        Assert.Equal(["Middle"], transport.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
    }

    [Fact]
    public void SitemapListsEveryPageWithLastmod()
    {
        var urlset = XDocument.Parse(_site.Output("sitemap.xml")).Root!;
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = urlset.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("https://example.org/news/", locs);
        Assert.Contains("https://example.org/news/2026/11/02/middle/", locs);
        Assert.Contains("https://example.org/news/tags/ferries/", locs);
        Assert.DoesNotContain(locs, l => l.EndsWith("404.html", StringComparison.Ordinal));
        var middle = urlset.Elements(ns + "url").Single(u => u.Element(ns + "loc")!.Value.EndsWith("/middle/", StringComparison.Ordinal));
        Assert.Equal("2026-11-04T08:30:00Z", middle.Element(ns + "lastmod")!.Value);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void SitemapIsWhatAnXmlWriterMakesOfTheSameEntries(int count)
    {
        // The sitemap is written as text for speed: it must stay what the framework's writer makes, escapes included.
        (string, DateTimeOffset?)[] pages =
        [
            .. new (string, DateTimeOffset?)[]
            {
                ("https://example.org/news/", new DateTimeOffset(2026, 11, 3, 9, 15, 0, TimeSpan.FromHours(4))),
                ("https://example.org/news/tags/r&d/?a=<b>", null),
                ("https://example.org/news/tags/երևան/", new DateTimeOffset(2026, 1, 2, 23, 59, 59, TimeSpan.FromHours(-5))),
            }.Take(count),
        ];
        using var expected = new MemoryStream();
        Digest.Outputs.XmlOutput.Write(expected, w =>
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (url, lastModified) in pages)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", url);
                if (lastModified is { } date)
                {
                    w.WriteElementString("lastmod", date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });

        using var written = new MemoryStream();
        Digest.Outputs.Sitemap.Write(written, pages);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected.ToArray()), System.Text.Encoding.UTF8.GetString(written.ToArray()));
    }

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")]
    private static partial Regex Rfc822();
}
