using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Digest.Checking;

namespace Digest.Tests.Outputs;

/// <summary>
/// What news aggregators and feed readers read (issue 20): the Google News sitemap, checked against its schema; Open
/// Graph, Twitter and JSON-LD in the head of an article; the feeds of the site and of each term. The tests' clock is
/// 2026-12-01T00:00Z (<see cref="FixedClock.Default"/>).
/// </summary>
public sealed class NewsMetadataTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private readonly InlineSite _site = new("""
        -- digest.yml --
        title: News <Desk>
        base_url: https://example.org/news/
        language: en-GB
        time_zone: Asia/Yerevan
        author: The desk
        -- input/articles/rail.md --
        ---
        title: Gyumri rail link reopens 🚆
        slug: gyumri-rail-link-reopens
        date: 2026-11-30T09:00:00+04:00
        updated: 2026-11-30T12:00:00+04:00
        source: Ararat Press
        author: [Anna, Ben]
        categories: [Rail, Economy]
        tags: [rail, Gyumri]
        image: /images/train.svg
        ---
        Trains are back.
        -- input/articles/ereván.md --
        ---
        title: Ереван открывает новую линию автобусов
        slug: yerevan-buses
        date: 2026-11-29T10:00:00Z
        lang: ru
        tags: [Транспорт]
        ---
        Новые автобусы.
        -- input/articles/old.md --
        ---
        title: An older story
        date: 2026-11-20T10:00:00Z
        tags: [rail]
        ---
        Older.
        -- input/images/train.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        """);

    public NewsMetadataTests() => _site.BuildOk();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void TheGoogleNewsSitemapListsTheLastTwoDaysAndValidatesAgainstItsSchema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Repository.File("tests/fixtures/schemas/sitemap.xsd"));
        schemas.Add(null, Repository.File("tests/fixtures/schemas/sitemap-news.xsd"));
        var problems = new List<string>();
        var document = XDocument.Parse(_site.Output("news-sitemap.xml"));
        document.Validate(schemas, (_, e) => problems.Add($"{e.Severity}: {e.Message}"));
        Assert.Empty(problems);

        var urls = document.Root!.Elements(Sitemap + "url").ToList();
        Assert.Equal(["https://example.org/news/2026/11/30/gyumri-rail-link-reopens/", "https://example.org/news/2026/11/29/yerevan-buses/"],
            urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        var rail = urls[0].Element(News + "news")!;
        Assert.Equal("News <Desk>", rail.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", rail.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("ru", urls[1].Element(News + "news")!.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("2026-11-30T09:00:00+04:00", rail.Element(News + "publication_date")!.Value);
        Assert.Equal("Gyumri rail link reopens 🚆", rail.Element(News + "title")!.Value);
        Assert.Contains("Sitemap: https://example.org/news/news-sitemap.xml", _site.Output("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void ASchemaInvalidNewsSitemapFailsTheCheck()
    {
        // The check can fail: a language Google does not take breaks the schema.
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Repository.File("tests/fixtures/schemas/sitemap.xsd"));
        schemas.Add(null, Repository.File("tests/fixtures/schemas/sitemap-news.xsd"));
        var broken = XDocument.Parse(_site.Output("news-sitemap.xml").Replace("<news:language>en</news:language>", "<news:language>en-GB</news:language>", StringComparison.Ordinal));
        Assert.Throws<XmlSchemaValidationException>(() => broken.Validate(schemas, null));
    }

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("hy", "hy")]
    [InlineData("zh-Hant-TW", "zh-tw")]
    [InlineData("zh-CN", "zh-cn")]
    [InlineData("x", "und")]
    public void NewsSitemapLanguagesAreTheCodesGoogleTakes(string tag, string code) => Assert.Equal(code, Digest.Outputs.NewsSitemap.LanguageCode(tag));

    [Fact]
    public void AnArticleHeadHasOpenGraphTwitterAndNewsArticleMetadata()
    {
        var html = _site.Output("2026/11/30/gyumri-rail-link-reopens/index.html");
        Assert.Contains("<meta property=\"og:locale\" content=\"en_GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"article:published_time\" content=\"2026-11-30T09:00:00+04:00\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"article:modified_time\" content=\"2026-11-30T12:00:00+04:00\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"article:section\" content=\"Rail\">\n<meta property=\"article:section\" content=\"Economy\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"article:tag\" content=\"rail\">\n<meta property=\"article:tag\" content=\"Gyumri\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:image\" content=\"https://example.org/news/images/train.svg\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:title\" content=\"Gyumri rail link reopens ", html, StringComparison.Ordinal);

        var start = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal) + "<script type=\"application/ld+json\">".Length;
        using var ld = JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]);
        Assert.Equal(["Rail", "Economy"], ld.RootElement.GetProperty("articleSection").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Ararat Press", ld.RootElement.GetProperty("isBasedOn").GetProperty("name").GetString());
        Assert.Equal("en-GB", ld.RootElement.GetProperty("inLanguage").GetString());
        var russian = _site.Output("2026/11/29/yerevan-buses/index.html");
        Assert.Contains("<meta property=\"og:locale\" content=\"ru\">", russian, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", russian, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedEntriesCarryAuthorsLanguageAndATermNamedTwiceOnce()
    {
        var atom = XDocument.Parse(_site.Output("feed.xml")).Root!;
        var entries = atom.Elements(Atom + "entry").ToList();
        Assert.Equal(["en-GB", "ru", "en-GB"], entries.Select(e => e.Attribute(XNamespace.Xml + "lang")!.Value));
        Assert.Equal(["Rail", "Economy", "Gyumri"], entries[0].Elements(Atom + "category").Select(c => c.Attribute("label")!.Value));

        var items = XDocument.Parse(_site.Output("rss.xml")).Root!.Element("channel")!.Elements("item").ToList();
        Assert.Equal(["Anna", "Ben"], items[0].Elements(DublinCore + "creator").Select(c => c.Value));
        Assert.Equal(["The desk"], items[1].Elements(DublinCore + "creator").Select(c => c.Value));
        Assert.Equal(["Rail", "Economy", "Gyumri"], items[0].Elements("category").Select(c => c.Value));
        Assert.Equal("<p>Trains are back.</p>", items[0].Element(XName.Get("encoded", "http://purl.org/rss/1.0/modules/content/"))!.Value.Trim());

        using var json = JsonDocument.Parse(_site.Output("feed.json"));
        var first = json.RootElement.GetProperty("items")[0];
        Assert.Equal(["Rail", "Economy", "Gyumri"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void JsonFeedsLeaveUnicodeUnescaped()
    {
        var text = _site.Output("feed.json");
        Assert.Contains("\"title\": \"Gyumri rail link reopens 🚆\"", text, StringComparison.Ordinal);
        Assert.Contains("Ереван открывает новую линию автобусов", text, StringComparison.Ordinal);
        // Only what HTML reads as markup is escaped, so that no file holds it raw.
        Assert.Contains("\"title\": \"News \\u003CDesk\\u003E\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uD", text, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(text);
        Assert.Equal("News <Desk>", parsed.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void TheJsonEncoderEscapesMarkupControlsAndLoneSurrogatesOnly()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Digest.Outputs.UnescapedJsonEncoder.Instance }))
        {
            writer.WriteStringValue("Ереван 🚆 \"q\" <b>&\u0001\u0085\uFFFF\uD800");
        }

        Assert.Equal("\"Ереван 🚆 \\\"q\\\" \\u003Cb\\u003E\\u0026\\u0001\\u0085\\uFFFF\\uFFFD\"", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void EveryTagAndCategoryHasAtomRssAndJsonFeedsLinkedFromItsPage()
    {
        foreach (var (page, name) in new[] { ("tags/rail/", "rail"), ("categories/economy/", "Economy") })
        {
            var atom = XDocument.Parse(_site.Output(page + "feed.xml")).Root!;
            var rss = XDocument.Parse(_site.Output(page + "rss.xml")).Root!.Element("channel")!;
            using var json = JsonDocument.Parse(_site.Output(page + "feed.json"));
            Assert.Equal($"News <Desk>: {name}", atom.Element(Atom + "title")!.Value);
            Assert.Equal($"News <Desk>: {name}", rss.Element("title")!.Value);
            Assert.Equal($"https://example.org/news/{page}", rss.Element("link")!.Value);
            Assert.Equal($"https://example.org/news/{page}rss.xml", rss.Element(Atom + "link")!.Attribute("href")!.Value);
            Assert.Equal($"https://example.org/news/{page}feed.json", json.RootElement.GetProperty("feed_url").GetString());
            Assert.Equal($"https://example.org/news/{page}", json.RootElement.GetProperty("home_page_url").GetString());

            var html = _site.Output(page + "index.html");
            foreach (var (type, file) in new[] { ("application/atom+xml", "feed.xml"), ("application/rss+xml", "rss.xml"), ("application/feed+json", "feed.json") })
            {
                Assert.Contains($"<link rel=\"alternate\" type=\"{type}\" title=\"News &lt;Desk&gt;: {name}", html, StringComparison.Ordinal);
                Assert.Contains($"href=\"/news/{page}{file}\" type=\"{type}\"", html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(2, XDocument.Parse(_site.Output("tags/rail/rss.xml")).Root!.Element("channel")!.Elements("item").Count());
    }

    [Fact]
    public void TheCheckOfTheBuiltSiteFindsNothing() =>
        Assert.Empty(SiteChecker.Check(_site.OutputDirectory, new Uri("https://example.org/news/")).Diagnostics);
}
