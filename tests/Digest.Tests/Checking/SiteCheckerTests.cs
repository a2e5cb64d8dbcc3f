using Digest.Checking;
using Digest.Diagnostics;

namespace Digest.Tests.Checking;

/// <summary>
/// <c>digest check</c> on small hand-written outputs: a clean site passes, and each kind of breakage is reported
/// with its code at the file and line where it is written.
/// </summary>
public sealed class SiteCheckerTests
{
    private static readonly Uri BaseUrl = new("https://example.github.io/digest/");

    /// <summary>A small site with every kind of reference, all of them correct. Page bodies start on line 5.</summary>
    private static Dictionary<string, string> CleanSite() => new()
    {
        ["index.html"] = Page("""<a href="about/">About</a> <a href="about/#team">Team</a> <a href="#main">Skip</a> <a href="#top">Top</a> <main id="main"><img src="bg.png" alt=""></main>"""),
        ["about/index.html"] = Page("""<h2 id="team">Team</h2> <a href="../">Home</a> <a href="/digest/about">Self</a> <a href="https://example.github.io/digest/">Abs</a> <a href="mailto:desk@example.org">Mail</a> <a href="https://elsewhere.example/x">Out</a>"""),
        ["404.html"] = Page("""<a href="/digest/">Home</a> <a href="https://example.github.io/digest/about/">About</a>"""),
        ["bg.png"] = "png",
        ["robots.txt"] = "User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/digest/sitemap.xml\n",
        ["assets/style.css"] = "/* url(/not-a-url.png) in a comment */\nbody { background: url(\"../bg.png\"); }\n@import \"more.css\";\n",
        ["assets/more.css"] = "p { color: red }\n",
        ["feed.xml"] = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <link rel="self" href="https://example.github.io/digest/feed.xml" />
              <entry><link rel="alternate" href="https://example.github.io/digest/about/" /><id>https://example.github.io/digest/about/</id></entry>
            </feed>
            """,
        ["rss.xml"] = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><link>https://example.github.io/digest/</link>
            <item><link>https://example.github.io/digest/about/</link><guid isPermaLink="false">urn:x</guid></item></channel></rss>
            """,
        ["sitemap.xml"] = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.github.io/digest/</loc></url>
              <url><loc>https://example.github.io/digest/about/</loc></url>
            </urlset>
            """,
        ["feed.json"] = """
            {"version": "https://jsonfeed.org/version/1.1", "home_page_url": "https://example.github.io/digest/",
             "items": [{"id": "1", "url": "https://example.github.io/digest/about/", "external_url": "https://elsewhere.example/"}]}
            """,
    };

    private static string Page(string body) => $"<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>T</title></head>\n<body>\n{body}\n</body>\n</html>\n";

    [Fact]
    public void ACleanSitePasses()
    {
        Assert.Empty(Check(CleanSite()));
    }

    [Theory]
    [InlineData("""<a href="/tags/">Tags</a>""", "index.html:5 DG4103")]
    [InlineData("""<a href="missing/">x</a>""", "index.html:5 DG4101")]
    [InlineData("""<a href="https://example.github.io/digest/missing/">x</a>""", "index.html:5 DG4101")]
    [InlineData("""<a href="about/#nobody">x</a>""", "index.html:5 DG4102")]
    [InlineData("""<a href="#nowhere">x</a>""", "index.html:5 DG4102")]
    [InlineData("""<img srcset="bg.png 1x, missing.png 2x" src="bg.png" alt="">""", "index.html:5 DG4101")]
    [InlineData("""<div style="background: url('/bg.png')"></div>""", "index.html:5 DG4103")]
    [InlineData("""<meta property="og:image" content="https://example.github.io/digest/missing.png">""", "index.html:5 DG4101")]
    [InlineData("""<link rel="stylesheet" href="assets/missing.css">""", "index.html:5 DG4101")]
    [InlineData("""<script src="/app.js"></script>""", "index.html:5 DG4103")]
    [InlineData("""<p id="x"></p>\n<p id="x"></p>""", "index.html:6 DG4105")]
    [InlineData("""<div><span>\n</div>""", "index.html:5 DG4106")]
    [InlineData("""<section>\n<p>never closed""", "index.html:6 DG4106", "index.html:5 DG4106")]
    [InlineData("""</p>""", "index.html:5 DG4106")]
    [InlineData("""<div/>""", "index.html:5 DG4106")]
    [InlineData("""<img src="bg.png" alt=a'b>""", "index.html:5 DG4106")]
    [InlineData("""<img src="bg.png" src="bg.png" alt="">""", "index.html:5 DG4106")]
    [InlineData("""<p class="a>text</p>""", "index.html:5 DG4106")]
    [InlineData("""<br></br>""", "index.html:5 DG4106")]
    [InlineData("""<script type="application/ld+json">{"@type": "NewsArticle",</script>""", "index.html:5 DG4109")]
    public void EachProblemIsReportedWhereItIsWritten(string body, params string[] expected)
    {
        var site = CleanSite();
        site["index.html"] = Page(body.Replace("\\n", "\n", StringComparison.Ordinal) + "\n<main id=\"main\"></main>");
        Assert.Equal(expected.Order(StringComparer.Ordinal), Check(site).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""<svg viewBox="0 0 1 1"><path d="M0 0"/><circle r="1" /></svg>""")]
    [InlineData("""<p>a < b and b > a</p><br><br/><hr /><img src="bg.png" alt="">""")]
    [InlineData("""<script>if (a < b && "</div>") { x = "<p>"; }</script><style>p::before { content: "</p>"; }</style>""")]
    [InlineData("""<!-- <div> in a comment --><textarea><div></textarea><input type=text value=plain disabled>""")]
    [InlineData("""<a href="about">a folder without its slash is redirected</a><a href="about/?q=1#team">query</a><a href="">self</a>""")]
    [InlineData("""<A HREF="about/">upper case</A><Div ID="up"></dIV><a href="#up">up</a>""")]
    public void ValidMarkupPasses(string body)
    {
        var site = CleanSite();
        site["index.html"] = Page(body + "\n<main id=\"main\"></main>");
        Assert.Empty(Check(site));
    }

    [Fact]
    public void AFragmentAloneMeansTheFileItself()
    {
        var site = CleanSite();
        site["notes.html"] = Page("""<h2 id="one">One</h2> <a href="#one">1</a> <a href="#two">2</a>""");
        site["assets/style.css"] = "svg { fill: url(#gradient); }\n";
        Assert.Equal(["notes.html:5 DG4102"], Check(site));
    }

    [Fact]
    public void TheNotFoundPageMustNotUseRelativeLinks()
    {
        var site = CleanSite();
        site["404.html"] = Page("""<a href="about/">About</a>""");
        Assert.Equal(["404.html:5 DG4104"], Check(site));
    }

    [Fact]
    public void CssUrlsAreCheckedRelativeToTheStylesheet()
    {
        var site = CleanSite();
        site["assets/style.css"] = "body {\n  background: url(bg.png);\n  border-image: url(/digest/bg.png);\n  mask: url(\"/mask.svg\");\n}\n";
        Assert.Equal(["assets/style.css:2 DG4101", "assets/style.css:4 DG4103"], Check(site));
    }

    [Fact]
    public void FeedsSitemapAndRobotsMustParseAndPointAtPages()
    {
        var site = CleanSite();
        site["feed.xml"] = site["feed.xml"].Replace("</feed>", "", StringComparison.Ordinal);
        site["sitemap.xml"] = site["sitemap.xml"].Replace("digest/about/", "digest/gone/", StringComparison.Ordinal);
        site["rss.xml"] = site["rss.xml"].Replace("<link>https://example.github.io/digest/about/</link>", "<link>https://example.github.io/digest/old/</link>", StringComparison.Ordinal);
        site["feed.json"] = site["feed.json"].Replace("digest/about/", "digest/away/", StringComparison.Ordinal);
        site["robots.txt"] = "User-agent: *\nSitemap: https://example.github.io/digest/sitemaps.xml\n";
        site["tags/x/feed.xml"] = "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<link href=\"https://example.github.io/digest/tags/x/\" />\n</feed>\n";
        Assert.Equal(
            ["feed.json:2 DG4101", "feed.xml:5 DG4107", "robots.txt:2 DG4101", "rss.xml:3 DG4101", "sitemap.xml:4 DG4101", "tags/x/feed.xml:2 DG4101"],
            Check(site).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AFolderWithoutASiteIsReported()
    {
        using var temp = new TempFolder();
        var result = SiteChecker.Check(temp.Path, BaseUrl);
        Assert.Equal(DiagnosticCodes.NothingToCheck, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void TheSampleDigestPassesUnderASubPathAndAtTheRoot()
    {
        foreach (var baseUrl in new[] { "https://example.github.io/digest/", "https://news.example.org/" })
        {
            using var temp = new TempFolder();
            Assert.True(TestBuild.Run(Repository.Root, temp.Path, baseUrl).Succeeded);
            var result = SiteChecker.Check(temp.Path, new Uri(baseUrl));
            Assert.Empty(result.Diagnostics);
            Assert.True(result.ReferencesChecked > 1000);
        }
    }

    [Fact]
    public void AStyleSheetLinkedFromTheRootBreaksUnderASubPath()
    {
        // The bug issue 4 is about: a theme that writes href="/assets/style.css" works at / and breaks at /digest/.
        var site = CleanSite();
        site["index.html"] = Page("""<link rel="stylesheet" href="/assets/style.css"><main id="main"></main>""");
        Assert.Equal(["index.html:5 DG4103"], Check(site));
        Assert.Empty(Check(site, new Uri("https://example.github.io/"), rebase: true));
    }

    private static List<string> Check(Dictionary<string, string> files, Uri? baseUrl = null, bool rebase = false)
    {
        using var temp = new TempFolder();
        foreach (var (path, content) in files)
        {
            var target = temp.Combine(path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, rebase ? content.Replace("/digest/", "/", StringComparison.Ordinal) : content);
        }

        return [.. SiteChecker.Check(temp.Path, baseUrl ?? BaseUrl).Diagnostics.Select(d => $"{d.Path}:{d.Line} {d.Code}")];
    }
}
