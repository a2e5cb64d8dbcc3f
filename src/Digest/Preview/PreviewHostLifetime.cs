using Microsoft.Extensions.Hosting;

namespace Digest.Preview;

/// <summary>
/// Leaves Ctrl+C to the command line: the default console lifetime would stop the web host on its own and print
/// start-up banners.
/// </summary>
internal sealed class PreviewHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
