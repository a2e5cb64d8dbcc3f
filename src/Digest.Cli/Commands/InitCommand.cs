using System.CommandLine;
using Digest.Scaffolding;

namespace Digest.Cli.Commands;

/// <summary>
/// <c>digest init [DIR]</c>: creates a new site that builds at once, with a tool manifest pinning this version and a
/// GitHub Pages workflow, or adds them to a folder that has files already. It never asks anything.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Where to create the site (default: the current folder).", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Create a new site (or add to a clone): digest.yml, an example article, a theme/ note, .gitignore, a tool manifest and a GitHub Pages workflow.")
        {
            directory,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = Path.GetFullPath(result.GetValue(directory)!);
            // The UTC date: midnight of it has passed in the default time_zone (UTC), so the example article is never "in the future".
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var scaffold = await SiteScaffold.CreateAsync(target, today, DigestVersion.Version, cancellationToken);
            foreach (var problem in scaffold.Diagnostics)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            if (scaffold.Diagnostics.Count > 0)
            {
                return CommandLine.ContentErrors;
            }

            foreach (var file in scaffold.Files)
            {
                Console.WriteLine(file.ToString());
            }

            var shown = Path.GetRelativePath(Environment.CurrentDirectory, target);
            Console.WriteLine($"""

                Next: digest preview --site {shown}, and open the address it prints.
                To publish on GitHub Pages: commit and push these files (git add -A && git commit -m "A new digest" && git push),
                then in the repository's Settings → Pages set Source to "GitHub Actions".
                The workflow runs the digest version pinned in {ToolManifest.Path}; to move to a newer one later,
                run `dotnet tool update {ToolManifest.PackageId}` in the site's folder and commit that file.
                """);
            return CommandLine.Success;
        });
        return command;
    }
}
