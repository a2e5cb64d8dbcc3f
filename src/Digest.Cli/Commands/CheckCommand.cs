using System.CommandLine;
using Digest.Build;

namespace Digest.Cli.Commands;

/// <summary><c>digest check</c>: checks links, fragments, assets, feeds, sitemap and HTML of a built site.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var site = CommandLine.SiteOption();
        var output = CommandLine.OutputOption("The built site to check (default: output/ in the site folder).");
        var baseUrl = CommandLine.BaseUrlOption();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var command = new Command("check", "Check a built site: links, #fragments, images, stylesheets, CSS url(), ids, feeds, sitemap, well-formed HTML.")
        {
            site, output, baseUrl, quiet,
        };
        command.SetAction(result => CheckReporter.Run(new BuildOptions
        {
            SiteDirectory = Path.GetFullPath(result.GetValue(site)!),
            OutputDirectory = result.GetValue(output) is { } o ? Path.GetFullPath(o) : null,
            BaseUrl = result.GetValue(baseUrl),
        }, result.GetValue(quiet)));
        return command;
    }
}
