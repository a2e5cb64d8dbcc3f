using AngleSharp.Html.Parser;

namespace Digest.Tests.SiteModel;

/// <summary>Rules of the site model seen from the built site: time zones, term merging, drafts and future articles.</summary>
public sealed class SiteModelTests
{
    [Fact]
    public void DatesWithoutOffsetAreReadInTheSiteTimeZoneAndDecideTheEdition()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            time_zone: Asia/Yerevan
            -- input/articles/local.md --
            ---
            title: Local
            date: 2026-11-05T01:00:00
            ---
            Written at one in the morning, Yerevan time (21:00 UTC the day before).
            -- input/articles/utc.md --
            ---
            title: UTC
            date: 2026-11-04T23:30:00Z
            ---
            Late on the 4th in UTC is the 5th in Yerevan.
            """);
        site.BuildOk();

        Assert.Contains("datetime=\"2026-11-05T01:00:00+04:00\"", site.Output("2026/11/05/local/index.html"), StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-11-05T03:30:00+04:00\"", site.Output("2026/11/05/utc/index.html"), StringComparison.Ordinal);
        var edition = new HtmlParser().ParseDocument(site.Output("2026/11/05/index.html"));
        Assert.Equal(["UTC", "Local"], edition.QuerySelectorAll("main .card-title, main .lead-title").Select(t => t.TextContent));
        Assert.False(site.OutputExists("2026/11/04/index.html"));
    }

    [Fact]
    public void TagsMergeAcrossCaseAndUnicodeFormsUnderTheFirstSpelling()
    {
        using var site = new InlineSite("""
            -- input/articles/a.md --
            ---
            title: Oldest
            date: 2026-11-01T09:00:00Z
            tags: [Йошкар, Rail]
            ---
            x
            -- input/articles/b.md --
            ---
            title: Middle
            date: 2026-11-02T09:00:00Z
            tags: [RAIL, йошкар]
            ---
            x
            """);
        site.Write("input/articles/c.md", "---\ntitle: Newest\ndate: 2026-11-03T09:00:00Z\ntags: [rail, \u0418\u0306\u043e\u0448\u043a\u0430\u0440]\n---\nx\n");
        site.BuildOk();

        var tags = new HtmlParser().ParseDocument(site.Output("tags/index.html")).QuerySelectorAll("main .term-list li a");
        Assert.Equal(["Rail", "Йошкар"], tags.Select(a => a.TextContent));
        Assert.Equal(["/tags/rail/", "/tags/yoshkar/"], tags.Select(a => a.GetAttribute("href")));
        var yoshkar = new HtmlParser().ParseDocument(site.Output("tags/yoshkar/index.html"));
        Assert.Equal(["Newest", "Middle", "Oldest"], yoshkar.QuerySelectorAll("main .card-title, main .lead-title").Select(t => t.TextContent));
    }

    [Fact]
    public void WindowsLineEndingsAndAByteOrderMarkReadLikePlainUtf8()
    {
        const string Article = "---\ntitle: \"Rail reopened\"\ndate: 2026-11-03T09:15:00Z\ntags: [rail]\n---\nFirst paragraph.\n\nSecond paragraph.\n";
        using var unix = new InlineSite("-- input/articles/a.md --\n" + Article);
        using var windows = new InlineSite("");
        windows.WriteBytes("input/articles/a.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Article.Replace("\n", "\r\n", StringComparison.Ordinal))]);
        unix.BuildOk();
        windows.BuildOk();

        Assert.Equal(unix.AllOutput(), windows.AllOutput());
    }

    [Theory]
    [InlineData(false, false, new[] { "published" })]
    [InlineData(true, false, new[] { "draft", "published" })]
    [InlineData(false, true, new[] { "future", "published" })]
    public void DraftsAndFutureArticlesAreLeftOutUnlessAskedFor(bool drafts, bool future, string[] expected)
    {
        using var site = new InlineSite("""
            -- input/articles/published.md --
            ---
            title: published
            date: 2026-11-01T09:00:00Z
            ---
            x
            -- input/articles/draft.md --
            ---
            title: draft
            date: 2026-11-02T09:00:00Z
            draft: true
            ---
            x
            -- input/articles/future.md --
            ---
            title: future
            date: 2027-01-01T09:00:00Z
            ---
            x
            """);
        var result = site.Build(o => o with { Drafts = drafts, Future = future });

        Assert.True(result.Succeeded);
        var titles = new HtmlParser().ParseDocument(site.Output("index.html")).QuerySelectorAll("main .card-title, main .lead-title").Select(t => t.TextContent);
        Assert.Equal(expected, titles.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, System.Xml.Linq.XDocument.Parse(site.Output("feed.xml")).Root!.Elements("{http://www.w3.org/2005/Atom}entry").Count());
    }
}
