using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Digest.Build;
using Digest.Diagnostics;
using Digest.Preview;

namespace Digest.Cli.Commands;

/// <summary><c>digest preview</c>: serves the site locally and rebuilds it as its files change.</summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var site = CommandLine.SiteOption();
        var port = new Option<int>("--port", "-p") { Description = "The port to listen on.", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on (an IP address or localhost); loopback unless you mean to share the preview.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var drafts = CommandLine.DraftsOption();
        var future = CommandLine.FutureOption();
        var noReload = new Option<bool>("--no-reload") { Description = "Do not reload open pages after a rebuild." };
        var verbose = CommandLine.VerboseOption();

        var command = new Command("preview", "Build the site, serve it locally and rebuild it as you write.")
        {
            site, port, host, drafts, future, noReload, verbose,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(verbose), new PreviewOptions
        {
            Build = new BuildOptions
            {
                SiteDirectory = Path.GetFullPath(result.GetValue(site)!),
                Drafts = result.GetValue(drafts),
                Future = result.GetValue(future),
                // The first build starts from what the last `digest build` read, so the first page comes sooner.
                UseCache = true,
                UpdateCache = false,
            },
            Host = result.GetValue(host)!,
            Port = result.GetValue(port),
            LiveReload = !result.GetValue(noReload),
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool verbose, PreviewOptions options, CancellationToken cancellationToken)
    {
        if (options.Host != "localhost" && !IPAddress.TryParse(options.Host, out _))
        {
            Console.Error.WriteLine($"digest: error DG9002: --host '{options.Host}' is not an IP address. Pass one like 127.0.0.1, 0.0.0.0 or ::1, or localhost.");
            return CommandLine.UsageErrors;
        }

        if (PreviewHosts.NetworkWarning(options.Host, options.Port) is { } warning)
        {
            Console.Error.WriteLine(warning.ToString());
        }

        if (options.Port is < 0 or > 65535)
        {
            Console.Error.WriteLine($"digest: error DG9002: --port {options.Port} is not a port number. Pass one from 1 to 65535.");
            return CommandLine.UsageErrors;
        }

        if (!Directory.Exists(options.Build.SiteDirectory))
        {
            Console.Error.WriteLine($"{options.Build.SiteDirectory}: error {DiagnosticCodes.SiteNotFound}: the site folder does not exist. Pass --site with a folder that holds digest.yml and input/.");
            return CommandLine.UsageErrors;
        }

        await using var server = new PreviewServer(options);
        server.BuildFinished += report => Report(report, verbose);
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            Console.Error.WriteLine($"digest: error {DiagnosticCodes.PreviewAddressUnavailable}: cannot listen on {options.Host}:{options.Port}: {ex.Message} Stop the program using it, or pass another --port.");
            return CommandLine.UsageErrors;
        }

        Console.WriteLine($"Preview of {Path.GetRelativePath(Environment.CurrentDirectory, options.Build.SiteDirectory)} at {server.Url}  (Ctrl+C to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopped.");
        }

        return CommandLine.Success;
    }

    private static void Report(PreviewBuildReport report, bool verbose)
    {
        if (verbose)
        {
            BuildReporter.PrintStages(report.Result.Timings);
        }

        foreach (var diagnostic in report.Result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        var what = report.ChangedSources.Count == 0 ? "Built" : $"{string.Join(", ", report.ChangedSources.Take(3))}{(report.ChangedSources.Count > 3 ? ", …" : "")} changed: rebuilt";
        Console.WriteLine(report.Result.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"{what} in {report.Elapsed.TotalMilliseconds:F0} ms, {report.Result.ChangedFiles.Count} output files changed.")
            : string.Create(CultureInfo.InvariantCulture, $"{what}: the build failed with {report.Result.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s); still serving the last good site."));
    }
}
