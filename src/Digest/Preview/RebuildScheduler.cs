using System.Threading.Channels;

namespace Digest.Preview;

/// <summary>
/// Turns a stream of file changes into rebuilds: waits until the files have been quiet for a moment (an editor's
/// save is several events), runs one rebuild for the whole batch, and never runs two at once. Changes that arrive
/// during a rebuild wait in the queue and cause exactly one more. Once a rebuild's pages have been served and the
/// files stay quiet, the garbage it left is collected: then, and not in the next rebuild, where the writer waits.
/// </summary>
internal sealed class RebuildScheduler(TimeSpan quietPeriod)
{
    /// <summary>Long enough for a browser to reload the page and its stylesheet, which a collection would hold up.</summary>
    private static readonly TimeSpan IdleAfterRebuild = TimeSpan.FromMilliseconds(300);

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Records that a site-relative path changed; safe from any thread.</summary>
    public void Notify(string relativePath) => _changes.Writer.TryWrite(relativePath);

    public async Task RunAsync(Func<IReadOnlyCollection<string>, CancellationToken, Task> rebuild, CancellationToken cancellationToken)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new SortedSet<string>(StringComparer.Ordinal);
                Drain(batch);
                do
                {
                    await Task.Delay(quietPeriod, cancellationToken);
                }
                while (Drain(batch));

                await rebuild(batch, cancellationToken);
                if (await Task.WhenAny(_changes.Reader.WaitToReadAsync(cancellationToken).AsTask(), Task.Delay(IdleAfterRebuild, cancellationToken))
                    is Task<bool>)
                {
                    continue;
                }

                GC.Collect();
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
