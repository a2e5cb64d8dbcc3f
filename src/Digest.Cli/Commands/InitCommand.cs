using System.CommandLine;
using Digest.Scaffolding;

namespace Digest.Cli.Commands;

/// <summary><c>digest init [DIR]</c>: creates a new site that builds at once, with a GitHub Pages workflow.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Where to create the site (default: the current folder).", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Create a new site: digest.yml, an example article, a theme/ note, .gitignore and a GitHub Pages workflow.")
        {
            directory,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = Path.GetFullPath(result.GetValue(directory)!);
            // The UTC date: midnight of it has passed in the default time_zone (UTC), so the example article is never "in the future".
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var problems = await SiteScaffold.CreateAsync(target, today, cancellationToken);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            if (problems.Count > 0)
            {
                return CommandLine.ContentErrors;
            }

            var shown = Path.GetRelativePath(Environment.CurrentDirectory, target);
            Console.WriteLine($"Created a new digest in {shown}. Next: digest preview --site {shown}, and open the address it prints.");
            return CommandLine.Success;
        });
        return command;
    }
}
