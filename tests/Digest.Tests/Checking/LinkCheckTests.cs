using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Digest.Build;

namespace Digest.Tests.Checking;

/// <summary>Every internal link and asset of the built sample digest points at a file the build wrote.</summary>
[Collection(SampleSiteGroup.Name)]
public sealed partial class LinkCheckTests(SampleSite sample)
{
    [Fact]
    public void EveryInternalLinkResolvesWithTheSampleBaseUrl() =>
        AssertLinksResolve(sample.Output, new Uri("https://example.github.io/digest/"));

    [Fact]
    public void EveryInternalLinkResolvesWithABaseUrlWithoutPath()
    {
        var output = sample.TempPath("root-base-url");
        TestBuild.Succeed(Repository.Root, output, "https://example.org/");
        AssertLinksResolve(output, new Uri("https://example.org/"));
    }

    [Fact]
    public void EveryInternalLinkResolvesWithoutArchivesAndTermFeeds()
    {
        var output = sample.TempPath("no-archives-no-term-feeds");
        var result = SiteBuilder.Build(TestBuild.Options(Repository.Root, output) with
        {
            Overrides = [new("archives", "false"), new("term_feeds", "false")],
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(File.Exists(Path.Combine(output, "2026", "11", "03", "index.html")));
        AssertLinksResolve(output, new Uri("https://example.github.io/digest/"));
    }

    private static void AssertLinksResolve(string output, Uri baseUrl)
    {
        var broken = new List<string>();
        var checkedLinks = 0;
        void Check(string from, Uri pageUrl, string link)
        {
            if (link.Length == 0 || link.StartsWith('#'))
            {
                return;
            }

            var target = new Uri(pageUrl, link);
            if (target.Scheme is not ("http" or "https") || target.Authority != baseUrl.Authority)
            {
                return;
            }

            checkedLinks++;
            if (!target.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal))
            {
                broken.Add($"{from}: {link} is outside the base path {baseUrl.AbsolutePath}");
                return;
            }

            var relative = Uri.UnescapeDataString(target.AbsolutePath[baseUrl.AbsolutePath.Length..]);
            if (relative.Length == 0 || relative.EndsWith('/'))
            {
                relative += "index.html";
            }

            if (!File.Exists(Path.Combine(output, relative)))
            {
                broken.Add($"{from}: {link} → {relative} does not exist");
            }
        }

        var parser = new HtmlParser();
        var files = GoldenFolder.Files(output);
        foreach (var file in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var pageUrl = new Uri(baseUrl, file.EndsWith("/index.html", StringComparison.Ordinal) || file == "index.html" ? file[..^"index.html".Length] : file);
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(output, file)));
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                foreach (var attribute in new[] { "href", "src" })
                {
                    if (element.GetAttribute(attribute) is { } link)
                    {
                        Check(file, pageUrl, link);
                        // The 404 page is served at any missing URL, so a link relative to its own place would break.
                        if (file == "404.html" && !link.StartsWith('/') && !link.StartsWith('#') && !link.Contains("://", StringComparison.Ordinal))
                        {
                            broken.Add($"{file}: {link} is relative, but the page is served at every missing URL");
                        }
                    }
                }
            }
        }

        foreach (var css in files.Where(f => f.EndsWith(".css", StringComparison.Ordinal)))
        {
            foreach (Match url in CssUrl().Matches(File.ReadAllText(Path.Combine(output, css))))
            {
                Check(css, new Uri(baseUrl, css), url.Groups["url"].Value);
            }
        }

        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        foreach (var loc in XDocument.Load(Path.Combine(output, "sitemap.xml")).Descendants(sitemap + "loc"))
        {
            Check("sitemap.xml", baseUrl, loc.Value);
        }

        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n" + string.Join("\n", broken.Take(50)));
        Assert.True(checkedLinks > 1000, $"Only {checkedLinks} links were checked: the check itself is broken.");
    }

    [GeneratedRegex("""url\(\s*(['"]?)(?<url>[^'")]+)\1\s*\)""")]
    private static partial Regex CssUrl();
}
