using System.Runtime.Versioning;
using Digest.Build;
using Digest.Diagnostics;

namespace Digest.Preview.Tests.Search;

/// <summary>
/// Issue 20: <c>search: true</c> indexes the site with Pagefind inside the build, so that the index is part of the atomic
/// output (made before the swap, listed in the manifest) and follows incremental builds: kept when the pages it indexes
/// are the same, made again when one changes, and always what a cold build makes. Here, not in Digest.Build.Tests,
/// because it needs the repository's npm packages, which CI installs on Linux only.
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private const string Article = "input/articles/sport/dilijan-chess-final.md";
    private const string ArticlePage = "2026/11/24/dilijan-chess-open-2026-final/index.html";

    private readonly TestSite _site = TestSite.CopyOfSample(withTheme: false);

    public void Dispose() => _site.Dispose();

    [Fact]
    public void TheIndexIsInTheOutputAndInItsManifestWithASearchBoxAndPageUnderTheBasePath()
    {
        _site.EnableSearch();

        var result = SiteBuilder.Build(_site.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Work.SearchIndexed);
        foreach (var file in new[] { "pagefind/pagefind.js", "pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css", "pagefind/pagefind-entry.json" })
        {
            Assert.True(File.Exists(Path.Combine(_site.Output, file)), file);
        }

        var manifest = _site.Read("output/.digest-manifest");
        var indexFiles = Directory.GetFiles(Path.Combine(_site.Output, "pagefind"), "*", SearchOption.AllDirectories);
        Assert.True(indexFiles.Length > 10);
        Assert.All(indexFiles, file => Assert.Contains("\n" + Path.GetRelativePath(_site.Output, file).Replace('\\', '/') + "\n", manifest, StringComparison.Ordinal));
        // Nothing of the work on the way is left in the output.
        Assert.False(Directory.Exists(Path.Combine(_site.Output, ".digest-scratch")));

        // The sample's base_url is https://example.github.io/digest/.
        var home = _site.Read("output/index.html");
        Assert.Contains("<form class=\"site-search\" role=\"search\" action=\"/digest/search/\" method=\"get\">", home, StringComparison.Ordinal);
        var search = _site.Read("output/search/index.html");
        Assert.Contains("data-bundle=\"/digest/pagefind/\" data-base=\"/digest/\"", search, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/digest/pagefind/pagefind-ui.js\"></script>", search, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"site-search\"", search, StringComparison.Ordinal);
        // Only the article's own text is indexed, not the header, menus and lists around it.
        Assert.Contains("data-pagefind-body", _site.Read("output/" + ArticlePage), StringComparison.Ordinal);
        Assert.DoesNotContain("data-pagefind-body", home, StringComparison.Ordinal);
        // A results page is no page for search engines.
        Assert.DoesNotContain("/search/", _site.Read("output/sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void ABuildWithNothingChangedAndOneWithTouchedFilesKeepTheIndexWithoutRunningPagefind()
    {
        _site.EnableSearch();
        Assert.True(SiteBuilder.Build(_site.Options()).Work.SearchIndexed);
        var index = FolderSnapshot.Take(Path.Combine(_site.Output, "pagefind"));

        // Another process: only the cache is left of the first build.
        var nothingChanged = SiteBuilder.Build(_site.Options());
        Assert.Equal(ModelWork.None, nothingChanged.Work.Model);
        Assert.False(nothingChanged.Work.SearchIndexed);

        _site.Edit(Article, text => text);
        var touched = SiteBuilder.Build(_site.Options());
        Assert.True(touched.Succeeded, string.Join("\n", touched.Diagnostics));
        Assert.NotEqual(ModelWork.None, touched.Work.Model);
        Assert.False(touched.Work.SearchIndexed);
        Assert.Empty(touched.ChangedFiles);
        index.AssertSame(FolderSnapshot.Take(Path.Combine(_site.Output, "pagefind")));
    }

    [Fact]
    public void AnEditedArticleIsIndexedAgainAndTheOutputEqualsAColdBuild()
    {
        _site.EnableSearch();
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();

        _site.Edit(Article, text => text + "\nThe arbiter was Zarvandian.\n");
        var edited = session.Build();

        Assert.True(edited.Succeeded, string.Join("\n", edited.Diagnostics));
        Assert.True(edited.Work.SearchIndexed);
        Assert.Contains(edited.ChangedFiles, f => f.StartsWith("pagefind/", StringComparison.Ordinal));
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void TurningSearchOffRemovesTheIndexThePageAndTheBox()
    {
        _site.EnableSearch();
        SiteBuilder.Build(_site.Options());

        _site.Replace("digest.yml", "search: true", "search: false");
        var off = SiteBuilder.Build(_site.Options());

        Assert.True(off.Succeeded, string.Join("\n", off.Diagnostics));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "pagefind")));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "search")));
        Assert.DoesNotContain("site-search", _site.Read("output/index.html"), StringComparison.Ordinal);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void WithoutPagefindTheBuildWarnsAndMakesTheSiteWithoutSearch()
    {
        // No node_modules/ in the site, and none of the machines the tests run on has pagefind on PATH.
        _site.Write("digest.yml", _site.Read("digest.yml") + "\nsearch: true\n");

        var result = SiteBuilder.Build(_site.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("digest.yml", Severity.Warning, DiagnosticCodes.SearchToolMissing), (warning.Path, warning.Severity, warning.Code));
        Assert.True(File.Exists(Path.Combine(_site.Output, ArticlePage)));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "pagefind")));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "search")));
        // No box leading to a search that cannot work.
        Assert.DoesNotContain("site-search", _site.Read("output/index.html"), StringComparison.Ordinal);

        // Installed afterwards, it is used by the next build although no file of the site changed.
        _site.InstallPagefind();
        var installed = SiteBuilder.Build(_site.Options());
        Assert.Empty(installed.Diagnostics);
        Assert.True(installed.Work.SearchIndexed);
    }

    [Fact]
    [SupportedOSPlatform("linux")] // a shell script stands for Pagefind; this project's tests run on Linux only
    public void APagefindThatFailsStopsTheBuildWithItsMessageAndLeavesThePreviousOutput()
    {
        SiteBuilder.Build(_site.Options());
        var before = FolderSnapshot.Take(_site.Output);
        _site.Write("node_modules/.bin/pagefind", "#!/bin/sh\necho 'Error: no disk for the index' >&2\nexit 3\n");
        File.SetUnixFileMode(_site.FullPath("node_modules/.bin/pagefind"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _site.Write("digest.yml", _site.Read("digest.yml") + "\nsearch: true\n");

        var result = SiteBuilder.Build(_site.Options());

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("digest.yml", DiagnosticCodes.SearchIndexFailed), (error.Path, error.Code));
        Assert.Contains("exited with code 3: Error: no disk for the index", error.Message, StringComparison.Ordinal);
        before.AssertSame(FolderSnapshot.Take(_site.Output));
    }
}
