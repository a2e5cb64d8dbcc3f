using System.Threading.Channels;

namespace Digest.Preview;

/// <summary>
/// Turns a stream of file changes into rebuilds: waits until the files have been quiet for a moment (an editor's
/// save is several events), runs one rebuild for the whole batch, and never runs two at once. Changes that arrive
/// during a rebuild wait in the queue and cause exactly one more. Once a build's pages have been served and the files
/// stay quiet, <paramref name="whenIdle"/> runs: work done then is not done in the next rebuild, where the writer waits.
/// </summary>
internal sealed class RebuildScheduler(TimeSpan quietPeriod, Action whenIdle)
{
    /// <summary>Long enough for a browser to reload the page and its stylesheet, which a collection would hold up.</summary>
    private static readonly TimeSpan IdleAfterRebuild = TimeSpan.FromMilliseconds(300);

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Records that a site-relative path changed; safe from any thread.</summary>
    public void Notify(string relativePath) => _changes.Writer.TryWrite(relativePath);

    /// <summary>Runs until cancelled; called once the first build is done, which is followed by idle time like a rebuild.</summary>
    public async Task RunAsync(Func<IReadOnlyCollection<string>, CancellationToken, Task> rebuild, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var change = _changes.Reader.WaitToReadAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(change, Task.Delay(IdleAfterRebuild, cancellationToken)) != change)
                {
                    whenIdle();
                }

                if (!await change)
                {
                    return;
                }

                var batch = new SortedSet<string>(StringComparer.Ordinal);
                Drain(batch);
                do
                {
                    await Task.Delay(quietPeriod, cancellationToken);
                }
                while (Drain(batch));

                await rebuild(batch, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping the preview.
        }
    }

    private bool Drain(SortedSet<string> batch)
    {
        var any = false;
        while (_changes.Reader.TryRead(out var path))
        {
            batch.Add(path);
            any = true;
        }

        return any;
    }
}
