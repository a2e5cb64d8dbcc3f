namespace Digest.Preview.Tests.Rebuilding;

public sealed class RebuildSchedulerTests
{
    [Fact]
    public async Task ABurstOfChangesIsOneRebuild()
    {
        var scheduler = new RebuildScheduler(TimeSpan.FromMilliseconds(20), () => { });
        using var stop = new CancellationTokenSource();
        var batches = new List<IReadOnlyCollection<string>>();
        foreach (var path in new[] { "input/b.md", "input/a.md", "input/b.md", "theme/assets/style.css" })
        {
            scheduler.Notify(path);
        }

        await scheduler.RunAsync((batch, _) =>
        {
            batches.Add(batch);
            stop.Cancel();
            return Task.CompletedTask;
        }, stop.Token);

        var only = Assert.Single(batches);
        Assert.Equal(["input/a.md", "input/b.md", "theme/assets/style.css"], only);
    }

    [Fact]
    public async Task TheIdleWorkRunsOnceTheFilesStayQuietAfterARebuildAndNotBetweenAChangeAndItsRebuild()
    {
        using var stop = new CancellationTokenSource();
        var events = new List<string>();
        var scheduler = new RebuildScheduler(TimeSpan.FromMilliseconds(20), () =>
        {
            events.Add("idle");
            stop.Cancel();
        });
        scheduler.Notify("input/a.md");

        await scheduler.RunAsync((batch, _) =>
        {
            events.Add("rebuild " + string.Join(",", batch));
            return Task.CompletedTask;
        }, stop.Token);

        Assert.Equal(["rebuild input/a.md", "idle"], events);
    }

    [Fact]
    public async Task ChangesDuringARebuildCauseExactlyOneMoreAndNeverTwoAtOnce()
    {
        var scheduler = new RebuildScheduler(TimeSpan.FromMilliseconds(20), () => { });
        using var stop = new CancellationTokenSource();
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var batches = new List<IReadOnlyCollection<string>>();
        var running = 0;
        var mostAtOnce = 0;
        scheduler.Notify("input/first.md");

        var loop = scheduler.RunAsync(async (batch, _) =>
        {
            mostAtOnce = Math.Max(mostAtOnce, Interlocked.Increment(ref running));
            batches.Add(batch);
            if (batches.Count == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            else
            {
                stop.Cancel();
            }

            Interlocked.Decrement(ref running);
        }, stop.Token);
        await firstStarted.Task;
        scheduler.Notify("input/second.md");
        scheduler.Notify("input/third.md");
        scheduler.Notify("input/second.md");
        releaseFirst.SetResult();
        await loop;

        Assert.Equal(2, batches.Count);
        Assert.Equal(["input/first.md"], batches[0]);
        Assert.Equal(["input/second.md", "input/third.md"], batches[1]);
        Assert.Equal(1, mostAtOnce);
    }

    [Theory]
    [InlineData("input/articles/a.md", false)]
    [InlineData("theme/assets/style.css", false)]
    [InlineData("digest.yml", false)]
    [InlineData("input/articles/.a.md.swp", true)]
    [InlineData("input/articles/a.md~", true)]
    [InlineData("input/articles/4913", true)]
    [InlineData("input/articles/#a.md#", true)]
    [InlineData("input/articles/.#a.md", true)]
    [InlineData("input/.git/index", true)]
    [InlineData("theme/layouts/home.html.tmp", true)]
    [InlineData("input/articles/a.md.swx", true)]
    public void EditorTemporaryFilesAreIgnored(string path, bool ignored) =>
        Assert.Equal(ignored, EditorFiles.IsIgnored(path));
}
