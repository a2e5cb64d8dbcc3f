using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Digest.Tests.Support;

namespace Digest.Tests;

/// <summary>Content is data, never markup: script in any field is escaped in pages, feeds and JSON-LD.</summary>
public sealed class HostileInputTests
{
    private const string Script = "<script>alert(1)</script>";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static InlineSite HostileSite() => new($"""
        -- digest.yml --
        title: Hostile
        base_url: https://hostile.example/
        -- input/articles/attack.md --
        ---
        title: "{Script} in the title"
        date: 2026-11-03T09:15:00+04:00
        tags: ["{Script}", plain]
        categories: ["{Script}"]
        author: "{Script}"
        source: "{Script}"
        source_url: https://source.example/
        summary: "{Script} in the summary"
        ---
        Body text.
        """);

    [Fact]
    public void ScriptInFrontMatterNeverReachesAnyOutputFileRaw()
    {
        using var site = HostileSite();
        site.BuildOk();

        var files = site.AllOutput().ToList();
        Assert.Contains(files, f => f.Path == "2026/11/03/script-alert-1-script-in-the-title/index.html");
        foreach (var (path, text) in files)
        {
            Assert.False(text.Contains("<script>alert", StringComparison.OrdinalIgnoreCase), $"{path} holds a raw <script>alert.");
        }
    }

    [Fact]
    public void ScriptInFrontMatterIsShownAsTextOnTheArticlePage()
    {
        using var site = HostileSite();
        site.BuildOk();

        var document = new HtmlParser().ParseDocument(site.Output("2026/11/03/script-alert-1-script-in-the-title/index.html"));
        Assert.Equal($"{Script} in the title", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(document.QuerySelectorAll("a[rel=tag]"), a => a.TextContent == Script);
        Assert.Contains(document.QuerySelectorAll(".source a"), a => a.TextContent == Script);
        // The only script elements are the JSON-LD one.
        Assert.All(document.Scripts, s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
    }

    [Fact]
    public void JsonLdRoundTripsAndCannotCloseItsScriptElement()
    {
        using var site = HostileSite();
        site.BuildOk();

        var html = site.Output("2026/11/03/script-alert-1-script-in-the-title/index.html");
        const string Open = "<script type=\"application/ld+json\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.OrdinalIgnoreCase);
        // Everything up to the first </script> must be the whole JSON document.
        using var json = JsonDocument.Parse(html[start..end]);
        var root = json.RootElement;
        Assert.Equal($"{Script} in the title", root.GetProperty("headline").GetString());
        Assert.Equal($"{Script} in the summary", root.GetProperty("description").GetString());
        Assert.Equal(Script, root.GetProperty("isBasedOn").GetProperty("name").GetString());
        Assert.Equal(Script, root.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal($"{Script}, plain", root.GetProperty("keywords").GetString());
    }

    [Fact]
    public void FeedsCarryScriptAsText()
    {
        using var site = HostileSite();
        site.BuildOk();

        var atom = XDocument.Parse(site.Output("feed.xml")).Root!.Element(Atom + "entry")!;
        Assert.Equal($"{Script} in the title", atom.Element(Atom + "title")!.Value);
        Assert.Equal($"{Script} in the summary", atom.Element(Atom + "summary")!.Value);
        Assert.Contains(atom.Elements(Atom + "category"), c => c.Attribute("label")!.Value == Script);

        var rss = XDocument.Parse(site.Output("rss.xml")).Root!.Element("channel")!.Element("item")!;
        Assert.Equal($"{Script} in the title", rss.Element("title")!.Value);
        // RSS readers take the description as HTML (issue 15): it carries the summary HTML-escaped, so it shows as text.
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; in the summary", rss.Element("description")!.Value);
        Assert.Contains(rss.Elements("category"), c => c.Value == Script);

        using var json = JsonDocument.Parse(site.Output("feed.json"));
        var item = json.RootElement.GetProperty("items")[0];
        Assert.Equal($"{Script} in the title", item.GetProperty("title").GetString());
        Assert.Equal($"{Script} in the summary", item.GetProperty("summary").GetString());
        Assert.Contains(item.GetProperty("tags").EnumerateArray(), t => t.GetString() == Script);

        var tagFeed = XDocument.Parse(site.Output("tags/script-alert-1-script/feed.xml")).Root!;
        Assert.Equal($"Hostile: {Script}", tagFeed.Element(Atom + "title")!.Value);
    }

    [Fact]
    public void QuotesCannotBreakOutOfAttributes()
    {
        const string Title = "Quote \" onmouseover=\"alert(1)\" ' onfocus='alert(2)";
        using var site = new InlineSite($"""
            -- input/articles/quotes.md --
            ---
            title: '{Title.Replace("'", "''", StringComparison.Ordinal)}'
            date: 2026-11-03T09:15:00Z
            image: /images/a.svg" onerror="alert(3)
            tags: ['{Title.Replace("'", "''", StringComparison.Ordinal)}']
            ---
            Text.
            """);
        site.BuildOk();

        foreach (var (path, text) in site.AllOutput().Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = new HtmlParser().ParseDocument(text);
            var handlers = document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal));
            Assert.True(!handlers.Any(), $"{path} has an event handler attribute: {string.Join(", ", handlers.Select(h => h.Name))}");
        }

        var article = new HtmlParser().ParseDocument(site.Output("2026/11/03/quote-onmouseover-alert-1-onfocus-alert-2/index.html"));
        Assert.Equal(Title, article.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public void TemplateSyntaxInContentIsNotEvaluated()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            title: Secret site title
            -- input/articles/curly.md --
            ---
            title: "{{ site.title }} in a title"
            date: 2026-11-03T09:15:00Z
            summary: "{{ 6 * 7 }} in a summary"
            ---
            Braces in a body: {{ site.title }} and {{ 6 * 7 }}.
            """);
        site.BuildOk();

        var page = site.Output("2026/11/03/site-title-in-a-title/index.html");
        Assert.Contains("<h1>{{ site.title }} in a title</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Braces in a body: {{ site.title }} and {{ 6 * 7 }}.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("42", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](<javascript:alert(1)>)")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](javascript&colon;alert(1))")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void ScriptLinksInMarkdownAreNeutralised(string markdown)
    {
        using var site = new InlineSite($"""
            -- input/articles/links.md --
            ---
            title: Links
            date: 2026-11-03T09:15:00Z
            ---
            {markdown}
            """);
        site.BuildOk();

        var document = new HtmlParser().ParseDocument(site.Output("2026/11/03/links/index.html"));
        var urls = document.QuerySelectorAll(".post-body [href], .post-body [src]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") })
            .OfType<string>()
            .ToList();
        Assert.All(urls, url => Assert.DoesNotMatch("^(?i)\\s*(javascript|vbscript|data):", url));
        // Feeds carry the body as escaped HTML: no attribute there may hold a script URL either.
        Assert.All(site.AllOutput(), f => Assert.DoesNotMatch("(?i)(href|src)\\s*=\\s*(&quot;|\"|')?\\s*(javascript|vbscript|data):", f.Text));
    }

    [Fact]
    public void SafeLinksInMarkdownAreKept()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            base_url: https://example.org/repo/
            -- input/articles/links.md --
            ---
            title: Links
            date: 2026-11-03T09:15:00Z
            ---
            [web](https://example.com/a) [mail](mailto:desk@example.com) [root](/tags/) [relative](other/) [anchor](#top)
            """);
        site.BuildOk();

        var document = new HtmlParser().ParseDocument(site.Output("2026/11/03/links/index.html"));
        var hrefs = document.QuerySelectorAll(".post-body a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://example.com/a", hrefs);
        Assert.Contains("mailto:desk@example.com", hrefs);
        Assert.Contains("/repo/tags/", hrefs);
        Assert.Contains("other/", hrefs);
        Assert.Contains("#top", hrefs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RawHtmlInMarkdownIsEscapedUnlessAllowed(bool allowHtml)
    {
        using var site = new InlineSite($"""
            -- digest.yml --
            allow_html: {(allowHtml ? "true" : "false")}
            -- input/articles/raw.md --
            ---
            title: Raw HTML
            date: 2026-11-03T09:15:00Z
            ---
            Inline <b class="raw">bold</b> text.

            <div class="raw-block">A block</div>
            """);
        site.BuildOk();

        var html = site.Output("2026/11/03/raw-html/index.html");
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(allowHtml, document.QuerySelector("b.raw") is not null);
        Assert.Equal(allowHtml, document.QuerySelector("div.raw-block") is not null);
        if (!allowHtml)
        {
            Assert.Contains("&lt;b class=&quot;raw&quot;&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
            Assert.Contains("&lt;div class=&quot;raw-block&quot;&gt;A block&lt;/div&gt;", html, StringComparison.Ordinal);
        }
    }
}
