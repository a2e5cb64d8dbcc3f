using AngleSharp.Html.Parser;

namespace Digest.Tests.Content;

/// <summary>Markdown is content, never a way in: script links are neutralised, safe links kept, raw HTML escaped unless allowed.</summary>
public sealed class MarkdownLinkTests
{
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
