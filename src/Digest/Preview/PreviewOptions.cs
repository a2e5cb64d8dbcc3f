using Digest.Build;

namespace Digest.Preview;

/// <summary>What <c>digest preview</c> was asked to do.</summary>
public sealed record PreviewOptions
{
    /// <summary>The build to keep up to date; a null <see cref="BuildOptions.OutputDirectory"/> means a private temporary folder.</summary>
    public required BuildOptions Build { get; init; }
    /// <summary>An IP address or <c>localhost</c>; loopback by default so the preview is not reachable from the network.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 5080;
    /// <summary>Inject the live reload script into HTML responses and serve its event stream.</summary>
    public bool LiveReload { get; init; } = true;
    /// <summary>
    /// How long the files must stay quiet before a rebuild: editors save in several steps (a temporary file, then a
    /// rename), all within a millisecond or two. Eleventy and Vite do not wait at all. A change during a rebuild causes
    /// one more, so a file caught half-written is built again once it is whole.
    /// </summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(10);
}
