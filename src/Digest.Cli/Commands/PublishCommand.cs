using System.CommandLine;
using Digest.Build;
using Digest.Diagnostics;
using Digest.Publishing;

namespace Digest.Cli.Commands;

/// <summary><c>digest publish</c>: builds the site and pushes it as the whole tree of a branch (gh-pages).</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var site = CommandLine.SiteOption();
        var output = CommandLine.OutputOption("Publish this already built folder instead of building the site first.");
        var baseUrl = CommandLine.BaseUrlOption();
        var branch = new Option<string>("--branch") { Description = "The branch GitHub Pages serves.", DefaultValueFactory = _ => "gh-pages" };
        var remote = new Option<string>("--remote") { Description = "The git remote to push to.", DefaultValueFactory = _ => "origin" };
        var message = new Option<string?>("--message", "-m") { Description = "The commit message (default: names the commit the site was built from)." };
        var command = new Command("publish", "Build the site and push it as the whole tree of a branch, without touching your working tree.")
        {
            site, output, baseUrl, branch, remote, message,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new BuildOptions
            {
                SiteDirectory = Path.GetFullPath(result.GetValue(site)!),
                BaseUrl = result.GetValue(baseUrl),
            };
            var builtOutput = result.GetValue(output);
            if (builtOutput is null)
            {
                var built = BuildReporter.Run(options, quiet: false, verbose: false);
                if (built != CommandLine.Success)
                {
                    return built;
                }
            }
            else if (!File.Exists(Path.Combine(builtOutput, "index.html")))
            {
                Console.Error.WriteLine($"digest: error DG9002: {builtOutput} holds no built site (no index.html). Run digest build, or leave out --output.");
                return CommandLine.UsageErrors;
            }

            if (CommandLine.LoadSettings(options) is not { } settings)
            {
                return CommandLine.ContentErrors;
            }

            var published = await BranchPublisher.PublishAsync(new PublishOptions
            {
                RepositoryDirectory = options.SiteDirectory,
                OutputDirectory = builtOutput is null ? options.ResolvedOutputDirectory : Path.GetFullPath(builtOutput),
                BaseUrl = settings.BaseUrl,
                BaseUrlFromCommandLine = options.BaseUrl is not null,
                Branch = result.GetValue(branch)!,
                Remote = result.GetValue(remote)!,
                Message = result.GetValue(message),
                CustomDomain = settings.CustomDomain,
            }, cancellationToken);
            foreach (var diagnostic in published.Diagnostics)
            {
                Console.Error.WriteLine(diagnostic.ToString());
            }

            if (!published.Succeeded)
            {
                return published.Diagnostics.Any(d => d.Code is DiagnosticCodes.InvalidPublishBranch or DiagnosticCodes.PublishBranchIsSource) ? CommandLine.UsageErrors : CommandLine.ContentErrors;
            }

            Console.WriteLine(published.Unchanged
                ? $"{result.GetValue(branch)} on {result.GetValue(remote)} already holds this site; nothing to publish."
                : $"Published {published.Files} files to {result.GetValue(branch)} on {result.GetValue(remote)} as commit {published.Commit![..12]}.");
            return CommandLine.Success;
        });
        return command;
    }
}
