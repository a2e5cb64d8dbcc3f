using System.Net;

namespace Digest.Preview.Tests.Serving;

/// <summary>A site whose base_url has no path, previewed without live reload.</summary>
public sealed class RootSiteTests
{
    private static TestSite SmallSite() => TestSite.FromFiles(
        ("digest.yml", "title: Small\nbase_url: https://small.example/\n"),
        ("input/articles/one.md", "---\ntitle: One\ndate: 2026-11-20\ntags: [alpha]\n---\nThe first article.\n"));

    [Fact]
    public async Task TheRootServesTheHomePage()
    {
        using var site = SmallSite();
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);

        using var response = await preview.Http.GetAsync(new Uri(preview.Server.Url!, "/"));

        Assert.Equal("/", preview.Server.Url!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(preview.Server.OutputDirectory, "index.html")), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnEditInAFolderThatALinkLeadsToIsRebuilt()
    {
        using var site = SmallSite();
        var elsewhere = Directory.CreateTempSubdirectory("digest-linked-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(elsewhere, "two.md"), "---\ntitle: Two\ndate: 2026-11-21\n---\nThe second article.\n");
            Directory.CreateSymbolicLink(site.FullPath("input/articles/linked"), elsewhere);
            File.AppendAllText(site.FullPath("digest.yml"), "follow_links_outside: true\n");
            await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);

            var report = await preview.EditAsync(() => File.AppendAllText(Path.Combine(elsewhere, "two.md"), "A late addition.\n"), "input/articles/linked/two.md");

            Assert.True(report.Result.Succeeded, string.Join("\n", report.Result.Diagnostics));
            Assert.Contains("2026/11/21/two/index.html", report.Result.ChangedFiles);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Theory]
    [InlineData("/__digest/events")]
    [InlineData("/__digest/live-reload.js")]
    public async Task WithoutLiveReloadItsEndpointsDoNotExist(string path)
    {
        using var site = SmallSite();
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);

        using var response = await preview.Http.GetAsync(new Uri(preview.Server.Url!, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChangingBaseUrlMovesTheSiteUnderItsNewPath()
    {
        using var site = SmallSite();
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);

        await preview.EditAsync(() => site.Replace("digest.yml", "https://small.example/", "https://owner.github.io/small/"), "digest.yml");

        using var root = await preview.Http.GetAsync(new Uri(preview.Server.Url!, "/"));
        using var home = await preview.Http.GetAsync(new Uri(preview.Server.Url!, "/small/"));
        Assert.Equal(HttpStatusCode.Found, root.StatusCode);
        Assert.Equal("/small/", root.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task AFirstBuildThatFailsIsReportedAndAFixRecovers()
    {
        using var site = SmallSite();
        site.Write("input/articles/two.md", "---\ntitle: Two\n---\nNo date.\n");
        await using var preview = new PreviewServer(new PreviewOptions { Build = PreviewHarness.BuildOptionsFor(site.Root), Port = 0 });
        var reports = new System.Collections.Concurrent.BlockingCollection<PreviewBuildReport>();
        preview.BuildFinished += reports.Add;
        await preview.StartAsync();

        var first = await preview.InitialBuild;
        var error = Assert.Single(first.Result.Diagnostics);
        Assert.Equal(("input/articles/two.md", Digest.Diagnostics.DiagnosticCodes.MissingDate), (error.Path, error.Code));
        using var http = new HttpClient();
        using var broken = await http.GetAsync(preview.Url);
        Assert.Equal(HttpStatusCode.NotFound, broken.StatusCode);
        // Still a page with the live reload script, so the browser shows the overlay and reloads after the fix.
        Assert.Contains("<script src=\"/__digest/live-reload.js\"></script></body>", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        reports.Take();
        site.Write("input/articles/two.md", "---\ntitle: Two\ndate: 2026-11-21\n---\nNow dated.\n");
        PreviewBuildReport fixedReport;
        do
        {
            Assert.True(reports.TryTake(out fixedReport!, TimeSpan.FromSeconds(60)), "no rebuild after the fix");
        }
        while (!fixedReport.Result.Succeeded);

        Assert.Contains("Now dated.", await http.GetStringAsync(new Uri(preview.Url!, "2026/11/21/two/")), StringComparison.Ordinal);
    }
}
