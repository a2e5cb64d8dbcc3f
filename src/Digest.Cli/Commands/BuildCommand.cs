using System.CommandLine;
using Digest.Build;

namespace Digest.Cli.Commands;

/// <summary><c>digest build</c>: builds the site into its output folder.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var site = CommandLine.SiteOption();
        var output = CommandLine.OutputOption("Where to write the site (default: output/ in the site folder).");
        var baseUrl = CommandLine.BaseUrlOption();
        var drafts = CommandLine.DraftsOption();
        var future = CommandLine.FutureOption();
        var set = new Option<string[]>("--set") { Description = "Overrides a digest.yml setting: --set key=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and warnings." };
        var verbose = CommandLine.VerboseOption();
        var check = new Option<bool>("--check") { Description = "After a successful build, check the site as digest check does." };
        var noCache = new Option<bool>("--no-cache") { Description = "Neither use nor update the build cache in .digest-cache/." };
        var force = new Option<bool>("--force")
        {
            Description = "Build into an output folder that holds files Digest did not write: files of the same names are replaced, all others kept.",
        };

        var command = new Command("build", "Build the site into its output folder.")
        {
            site, output, baseUrl, drafts, future, set, quiet, verbose, check, noCache, force,
        };
        command.SetAction(result =>
        {
            var overrides = new List<KeyValuePair<string, string>>();
            foreach (var pair in result.GetValue(set) ?? [])
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    Console.Error.WriteLine($"digest: error DG9002: --set '{pair}' is not key=value. Write it like --set title=\"My digest\".");
                    return CommandLine.UsageErrors;
                }

                overrides.Add(new(pair[..equals].Trim(), pair[(equals + 1)..]));
            }

            var options = new BuildOptions
            {
                SiteDirectory = Path.GetFullPath(result.GetValue(site)!),
                OutputDirectory = result.GetValue(output) is { } o ? Path.GetFullPath(o) : null,
                BaseUrl = result.GetValue(baseUrl),
                Drafts = result.GetValue(drafts),
                Future = result.GetValue(future),
                Overrides = overrides,
                UseCache = !result.GetValue(noCache),
                Force = result.GetValue(force),
            };
            var built = BuildReporter.Run(options, result.GetValue(quiet), result.GetValue(verbose));
            return built == CommandLine.Success && result.GetValue(check) ? CheckReporter.Run(options, result.GetValue(quiet)) : built;
        });
        return command;
    }
}
