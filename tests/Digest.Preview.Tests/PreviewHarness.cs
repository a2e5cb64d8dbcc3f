using System.Threading.Channels;
using Digest.Build;

namespace Digest.Preview.Tests;

/// <summary>A running preview of a test site on a free loopback port, and a client that does not follow redirects.</summary>
internal sealed class PreviewHarness : IAsyncDisposable
{
    /// <summary>Only guards against a hang; not a timing assertion.</summary>
    private static readonly TimeSpan RebuildWait = TimeSpan.FromSeconds(60);
    private readonly Channel<PreviewBuildReport> _reports = Channel.CreateUnbounded<PreviewBuildReport>();

    private PreviewHarness(PreviewServer server)
    {
        Server = server;
        server.BuildFinished += report => _reports.Writer.TryWrite(report);
    }

    public PreviewServer Server { get; }

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public static BuildOptions BuildOptionsFor(string siteDirectory, string? outputDirectory = null) =>
        new() { SiteDirectory = siteDirectory, OutputDirectory = outputDirectory, Clock = FixedClock.Default };

    public static async Task<PreviewHarness> StartAsync(string siteDirectory, bool liveReload = true)
    {
        var harness = new PreviewHarness(new PreviewServer(new PreviewOptions
        {
            Build = BuildOptionsFor(siteDirectory),
            Port = 0,
            LiveReload = liveReload,
        }));
        await harness.Server.StartAsync();
        var first = await harness.Server.InitialBuild.WaitAsync(RebuildWait);
        Assert.True(first.Result.Succeeded, string.Join("\n", first.Result.Diagnostics));
        await harness._reports.Reader.ReadAsync();
        return harness;
    }

    /// <summary>A URL of the site, relative to its home page (which carries base_url's path).</summary>
    public Uri Url(string relative = "") => new(Server.Url!, relative);

    /// <summary>Applies an edit and waits until the preview has rebuilt after a change to every given path.</summary>
    public async Task<PreviewBuildReport> EditAsync(Action edit, params string[] changedPaths)
    {
        while (_reports.Reader.TryRead(out _))
        {
        }

        edit();
        var pending = new HashSet<string>(changedPaths, StringComparer.Ordinal);
        while (true)
        {
            var report = await _reports.Reader.ReadAsync().AsTask().WaitAsync(RebuildWait);
            pending.ExceptWith(report.ChangedSources);
            if (pending.Count == 0)
            {
                return report;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
