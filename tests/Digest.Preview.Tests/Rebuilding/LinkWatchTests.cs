using System.Collections.Concurrent;

namespace Digest.Preview.Tests.Rebuilding;

/// <summary>
/// Issue 15, point 5: the preview watches exactly the folder links the build follows, decided by the same rules: not a
/// link that loops back (the build skips it), and a link out of the site only once follow_links_outside allows it.
/// </summary>
public sealed class LinkWatchTests
{
    private static TestSite SmallSite() => TestSite.FromFiles(
        ("digest.yml", "title: Small\nbase_url: https://small.example/\n"),
        ("input/articles/one.md", "---\ntitle: One\ndate: 2026-11-20\n---\nThe first article.\n"));

    [Fact]
    public async Task ALinkThatLoopsBackToTheSiteIsNotWatched()
    {
        // Watched, input/site would watch the whole site: every file beside input/ would rebuild it.
        using var site = SmallSite();
        Directory.CreateSymbolicLink(site.FullPath("input/site"), site.Root);
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        var changes = new ConcurrentQueue<string>();
        preview.Server.BuildFinished += report => Array.ForEach([.. report.ChangedSources], changes.Enqueue);

        var report = await preview.EditAsync(() =>
        {
            site.Write("notes.txt", "not part of the site\n");
            File.AppendAllText(site.FullPath("input/articles/one.md"), "A late addition.\n");
        }, "input/articles/one.md");

        Assert.Contains(report.Result.Diagnostics, d => d.Code == "DG9007");
        Assert.DoesNotContain(changes, path => path.StartsWith("input/site/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFolderOutOfTheSiteIsWatchedOnceTheSettingLetsTheBuildReadIt()
    {
        using var site = SmallSite();
        var elsewhere = Directory.CreateTempSubdirectory("digest-linked-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(elsewhere, "two.md"), "---\ntitle: Two\ndate: 2026-11-21\n---\nThe second article.\n");
            Directory.CreateSymbolicLink(site.FullPath("input/articles/linked"), elsewhere);
            await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
            Assert.False(File.Exists(Path.Combine(preview.Server.OutputDirectory, "2026/11/21/two/index.html")));

            var allowed = await preview.EditAsync(() => File.AppendAllText(site.FullPath("digest.yml"), "follow_links_outside: true\n"), "digest.yml");
            var edited = await preview.EditAsync(() => File.AppendAllText(Path.Combine(elsewhere, "two.md"), "A late addition.\n"), "input/articles/linked/two.md");

            Assert.Empty(allowed.Result.Diagnostics);
            Assert.Contains("2026/11/21/two/index.html", allowed.Result.ChangedFiles);
            Assert.Contains("2026/11/21/two/index.html", edited.Result.ChangedFiles);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
