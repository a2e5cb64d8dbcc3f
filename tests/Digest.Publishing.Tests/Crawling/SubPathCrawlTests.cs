using System.Net;

namespace Digest.Publishing.Tests.Crawling;

/// <summary>
/// Issue 4: the sample digest, served the way GitHub Pages serves it, has no broken link or asset, whether it is
/// published under a path (a project site) or at the root (a user site or a custom domain).
/// </summary>
public sealed class SubPathCrawlTests
{
    [Theory]
    [InlineData("https://example.github.io/digest/", "/digest/")]
    [InlineData("https://example.github.io/", "/")]
    public async Task EveryLinkAndAssetOfEveryPageResolves(string baseUrl, string servedUnder)
    {
        using var temp = new TempFolder();
        var output = temp.Combine("output");
        var build = TestBuild.Run(Repository.Root, output, baseUrl);
        Assert.True(build.Succeeded, string.Join('\n', build.Diagnostics));

        await using var server = await StaticSiteServer.StartAsync(output, servedUnder);
        using var crawler = new SiteCrawler(server.BaseAddress, baseUrl);
        // GitHub Pages serves 404.html for any missing address, at any depth: its links must work from there too.
        await crawler.CrawlAsync(
            (server.BaseAddress, HttpStatusCode.OK),
            (new Uri(server.BaseAddress, "no/such/deep/address/"), HttpStatusCode.NotFound),
            (new Uri(server.BaseAddress, "sitemap.xml"), HttpStatusCode.OK));

        Assert.Empty(crawler.Broken);
        // Every page of the output was reached by following links (404.html through its own canonical link).
        var expected = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => servedUnder + Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Select(p => p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)
            .Append(servedUnder + "no/such/deep/address/")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, crawler.Pages.Select(p => p.AbsolutePath).Order(StringComparer.Ordinal));
    }
}
