using System.Diagnostics;
using System.Net;
using Digest.Build;
using Digest.Configuration;
using Digest.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.Preview;

/// <summary>
/// <c>digest preview</c>: builds the site into a private folder through one <see cref="BuildSession"/>, serves that
/// folder with Kestrel, and rebuilds after each debounced batch of changes to digest.yml, input/ or theme/. Open tabs
/// reload after a good rebuild; a failed one keeps the last good site and shows its errors in an overlay.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private readonly PreviewOptions _options;
    private readonly BuildSession _session;
    private readonly string? _temporaryFolder;
    private readonly LiveReloadHub? _liveReload;
    private readonly SiteResponder _responder;
    private readonly RebuildScheduler _scheduler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<PreviewBuildReport> _initialBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private SiteWatcher? _watcher;
    private Task? _rebuilds;
    private int _buildCount;
    private bool _lastBuildSucceeded = true;

    public PreviewServer(PreviewOptions options)
    {
        _options = options;
        var build = options.Build;
        if (build.OutputDirectory is null)
        {
            _temporaryFolder = Directory.CreateTempSubdirectory("digest-preview-").FullName;
            // A folder inside the temporary one, so the build's staging folder beside it is private too.
            build = build with { OutputDirectory = Path.Combine(_temporaryFolder, "site"), PrivateOutput = true };
        }

        _session = new BuildSession(build);
        _liveReload = options.LiveReload ? new LiveReloadHub() : null;
        _responder = new SiteResponder(new SitePathResolver(build.ResolvedOutputDirectory), _liveReload);
        _scheduler = new RebuildScheduler(options.QuietPeriod, WhenIdle);
    }

    /// <summary>Raised after every build, on a thread-pool thread.</summary>
    public event Action<PreviewBuildReport>? BuildFinished;

    /// <summary>The folder the preview builds into and serves.</summary>
    public string OutputDirectory => _session.Options.ResolvedOutputDirectory;

    /// <summary>The site's home page, under base_url's path; set by <see cref="StartAsync"/>.</summary>
    public Uri? Url { get; private set; }

    /// <summary>Completes when the first build has finished, whether it succeeded or not.</summary>
    public Task<PreviewBuildReport> InitialBuild => _initialBuild.Task;

    internal int LiveReloadClients => _liveReload?.ClientCount ?? 0;

    /// <summary>
    /// Starts watching, the first build and listening, and returns once the server listens: requests that arrive
    /// before the first build has finished wait for it.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        UpdateBasePath();
        // Watch before building, so that an edit made during the first build is not missed; build while the server
        // starts, so that the first page comes no later than a build alone would make it.
        _watcher = new SiteWatcher(_session.Options.SiteDirectory, _scheduler.Notify, () => LoadSettings(out _).FollowLinksOutside);
        _rebuilds = Task.Run(async () =>
        {
            _initialBuild.TrySetResult(Publish(RunBuild([], _stopping.Token)));
            await _scheduler.RunAsync(RebuildAsync, _stopping.Token);
        }, CancellationToken.None);
        _app = CreateWebApplication();
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new Uri(new Uri(address), _responder.BasePath + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _watcher?.Dispose();
        _liveReload?.Dispose();
        if (_rebuilds is not null)
        {
            try
            {
                await _rebuilds;
            }
            catch (OperationCanceledException)
            {
                // Stopped in the middle of a build.
            }
        }

        _initialBuild.TrySetCanceled();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
        if (_temporaryFolder is not null && Directory.Exists(_temporaryFolder))
        {
            Directory.Delete(_temporaryFolder, recursive: true);
        }
    }

    private WebApplication CreateWebApplication()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, PreviewHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (_options.Host == "localhost")
            {
                kestrel.ListenLocalhost(_options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(_options.Host), _options.Port);
            }
        });
        var app = builder.Build();
        var ownNames = PreviewHosts.OwnNames(_options.Host);
        app.Run(async context =>
        {
            if (!PreviewHosts.Allows(context.Request.Host, ownNames))
            {
                await PreviewHosts.RefuseAsync(context);
                return;
            }

            if (context.Request.Path != LiveReloadHub.EventsPath)
            {
                await _initialBuild.Task.WaitAsync(context.RequestAborted);
            }

            await _responder.RespondAsync(context);
        });
        return app;
    }

    /// <summary>
    /// Between builds: what the next rebuild would work out first, then the garbage of the last one (a rebuild after one
    /// edit at 10,000 articles leaves about 20 MB, enough for a collection in the middle of the next).
    /// </summary>
    private void WhenIdle()
    {
        _session.PrepareForEdits();
        GC.Collect();
    }

    private async Task RebuildAsync(IReadOnlyCollection<string> changes, CancellationToken cancellationToken) =>
        Publish(await Task.Run(() => RunBuild(changes, cancellationToken), cancellationToken));

    private PreviewBuildReport RunBuild(IReadOnlyCollection<string> changes, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = _session.Build(changes, cancellationToken);
        }
        catch (IOException ex)
        {
            // A file can vanish or be locked between the scan and the read while an editor saves; the next change rebuilds.
            result = Failed(DiagnosticCodes.IoError, $"the build could not read or write a file: {ex.Message} Save the file again to retry.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A crash in the engine must not end the preview: say so, keep serving the last good site, retry on the next change.
            var cause = ex is AggregateException { InnerExceptions: [var inner] } ? inner : ex;
            result = Failed(DiagnosticCodes.BuildCrashed,
                $"the build stopped on an unexpected {cause.GetType().Name}: {cause.Message} This is a bug in Digest: please report it with the file you changed ({string.Join(", ", changes)}).");
        }

        if (result.Succeeded && changes.Contains(SiteLayout.SettingsFile))
        {
            UpdateBasePath();
        }

        return new PreviewBuildReport(Interlocked.Increment(ref _buildCount), changes, result, watch.Elapsed);
    }

    private BuildResult Failed(string code, string message) =>
        new([new Diagnostic(_session.Options.SiteDirectory, 0, 0, Severity.Error, code, message)], new StageTimings(), 0, 0, []);

    /// <summary>Tells the open tabs, then the listeners of <see cref="BuildFinished"/>.</summary>
    private PreviewBuildReport Publish(PreviewBuildReport report)
    {
        if (_liveReload is not null)
        {
            if (!report.Result.Succeeded)
            {
                _liveReload.BuildFailed(report.Result.Diagnostics.Select(d => d.ToString()));
            }
            else if (!_lastBuildSucceeded || report.Number == 1)
            {
                // Clears the overlay, and shows what the failed builds held back.
                _liveReload.Reload();
            }
            else if (report.Result.ChangedFiles.Count == 0)
            {
                // Saved without a change that shows: nothing to reload.
            }
            else if (report.Result.ChangedFiles.All(path => path.EndsWith(".css", StringComparison.OrdinalIgnoreCase)))
            {
                _liveReload.SwapStylesheets();
            }
            else
            {
                _liveReload.Reload();
            }
        }

        _lastBuildSucceeded = report.Result.Succeeded;
        BuildFinished?.Invoke(report);
        return report;
    }

    /// <summary>The preview serves under base_url's path, like the published site; a broken digest.yml keeps the old one.</summary>
    private void UpdateBasePath()
    {
        var settings = LoadSettings(out var failed);
        if (!failed)
        {
            _responder.BasePath = settings.BasePath;
        }
    }

    /// <summary>The settings a build would read now; the defaults, and <paramref name="failed"/>, when digest.yml cannot be read.</summary>
    private SiteSettings LoadSettings(out bool failed)
    {
        var options = _session.Options;
        var diagnostics = new DiagnosticBag();
        var overrides = options.BaseUrl is null ? options.Overrides : [.. options.Overrides, new("base_url", options.BaseUrl)];
        try
        {
            var settings = SettingsLoader.Load(options.SiteDirectory, overrides, diagnostics);
            failed = diagnostics.HasErrors;
            return settings;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Saved by replace at this moment, or unreadable: the build that follows says so.
            failed = true;
            return new SiteSettings();
        }
    }
}
