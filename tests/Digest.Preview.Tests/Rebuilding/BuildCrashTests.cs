using System.Collections.Concurrent;
using System.Net;
using Digest.Diagnostics;

namespace Digest.Preview.Tests.Rebuilding;

/// <summary>
/// Issue 15, point 7: a rebuild that throws (a bug in Digest, DG9202) never stops the preview. The fault is injected
/// through the build's clock, which throws while a given page exists: saving that page makes every build crash, as a
/// page that trips a bug would, and removing it must bring the preview back on the next save.
/// </summary>
public sealed class BuildCrashTests
{
    [Fact]
    public async Task ABuildThatThrowsKeepsThePreviewServingAndTheNextGoodSaveRecovers()
    {
        using var site = TestSite.FromFiles(
            ("digest.yml", "title: Small\nbase_url: https://small.example/\n"),
            ("input/articles/one.md", "---\ntitle: One\ndate: 2026-11-20\n---\nThe first article.\n"));
        var trigger = site.FullPath("input/articles/crash.md");
        await using var preview = new PreviewServer(new PreviewOptions
        {
            Build = PreviewHarness.BuildOptionsFor(site.Root) with { Clock = new CrashingClock(trigger) },
            Port = 0,
        });
        var reports = new BlockingCollection<PreviewBuildReport>();
        preview.BuildFinished += reports.Add;
        await preview.StartAsync();
        Assert.True((await preview.InitialBuild).Result.Succeeded);
        using var http = new HttpClient();
        var page = new Uri(preview.Url!, "2026/11/20/one/");

        site.Write("input/articles/crash.md", "---\ntitle: Crash\ndate: 2026-11-21\n---\nTrips a bug.\n");
        var crashed = NextWhere(reports, r => !r.Result.Succeeded);
        using var during = await http.GetAsync(page);
        File.AppendAllText(site.FullPath("input/articles/one.md"), "Edited while it crashes.\n");
        var again = NextWhere(reports, r => r.ChangedSources.Contains("input/articles/one.md"));
        using var stillServing = await http.GetAsync(page);

        site.Delete("input/articles/crash.md");
        File.AppendAllText(site.FullPath("input/articles/one.md"), "Back to normal.\n");
        var recovered = NextWhere(reports, r => r.Result.Succeeded);

        var crash = Assert.Single(crashed.Result.Diagnostics);
        Assert.Equal(DiagnosticCodes.BuildCrashed, crash.Code);
        Assert.Contains("InvalidOperationException", crash.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.False(again.Result.Succeeded);
        Assert.Equal(HttpStatusCode.OK, stillServing.StatusCode);
        Assert.DoesNotContain("Edited while it crashes.", await stillServing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(recovered.Result.Diagnostics);
        Assert.Contains("Back to normal.", await http.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(preview.Url!, "2026/11/21/crash/"))).StatusCode);
    }

    private static PreviewBuildReport NextWhere(BlockingCollection<PreviewBuildReport> reports, Func<PreviewBuildReport, bool> wanted)
    {
        while (true)
        {
            Assert.True(reports.TryTake(out var report, TimeSpan.FromSeconds(60)), "no rebuild");
            if (wanted(report!))
            {
                return report!;
            }
        }
    }

    /// <summary>The tests' fixed "now", except that it throws while <paramref name="trigger"/> exists.</summary>
    private sealed class CrashingClock(string trigger) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => File.Exists(trigger)
            ? throw new InvalidOperationException("injected fault")
            : FixedClock.Default.GetUtcNow();
    }
}
