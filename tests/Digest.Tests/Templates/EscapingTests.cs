using AngleSharp.Html.Parser;

namespace Digest.Tests.Templates;

/// <summary>Content is data, never markup: script in any field is escaped in pages, never evaluated as a template.</summary>
public sealed class EscapingTests
{
    internal const string Script = "<script>alert(1)</script>";

    /// <summary>One article with script in every field it has; shared with the output tests.</summary>
    internal static InlineSite HostileSite() => new($"""
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
        // Where an evaluated {{ 6 * 7 }} would stand: the page's generator names a version that may hold "42" (0.0.0-alpha.0.142).
        Assert.DoesNotContain("42 in a summary", page, StringComparison.Ordinal);
        Assert.DoesNotContain("and 42.", page, StringComparison.Ordinal);
        Assert.Contains("{{ 6 * 7 }} in a summary", page, StringComparison.Ordinal);
    }
}
