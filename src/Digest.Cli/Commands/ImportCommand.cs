using System.CommandLine;
using Digest.Build;
using Digest.Diagnostics;
using Digest.Importing;

namespace Digest.Cli.Commands;

/// <summary>
/// <c>digest import PATH…</c>: turns wire texts, plain texts and feeds (files, folders, http(s) URLs) into articles under
/// <c>input/articles/</c>. Prints each problem, each article written (or, with <c>--dry-run</c>, its text), and the counts.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders and http(s) URLs of feeds to import.", Arity = ArgumentArity.OneOrMore };
        var site = CommandLine.SiteOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; print the front matter each article would have." };
        var update = new Option<bool>("--update") { Description = "Replace the article of a story the site holds already (same source_url or text) instead of skipping it." };
        var category = new Option<string?>("--category") { Description = "The category of stories that name none." };
        var source = new Option<string?>("--source") { Description = "The source of stories that name none." };
        var tags = new Option<int?>("--tags")
        {
            Description = $"Suggest up to N tags per story from the names it repeats (at most {TagSuggester.MaxTags}; default: import.tags in digest.yml, else none).",
        };
        var command = new Command("import", "Import stories (wire texts, plain texts, RSS, Atom and JSON feeds) as articles in input/articles/.")
        {
            paths, site, dryRun, update, category, source, tags,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var siteDirectory = Path.GetFullPath(result.GetValue(site)!);
            if (!File.Exists(Path.Combine(siteDirectory, SiteLayout.SettingsFile)) && !Directory.Exists(Path.Combine(siteDirectory, SiteLayout.InputFolder)))
            {
                Console.Error.WriteLine($"{siteDirectory}: error {DiagnosticCodes.SiteNotFound}: this folder holds neither {SiteLayout.SettingsFile} nor {SiteLayout.InputFolder}/, so it is not a site. Pass --site, or make a new site with digest init.");
                return CommandLine.UsageErrors;
            }

            if (result.GetValue(tags) is < 0)
            {
                Console.Error.WriteLine($"digest: error {DiagnosticCodes.UsageError}: --tags must be 0 or more. Write it like --tags 5.");
                return CommandLine.UsageErrors;
            }

            var settings = CommandLine.LoadSettings(new BuildOptions { SiteDirectory = siteDirectory });
            if (settings is null)
            {
                return CommandLine.UsageErrors;
            }

            var options = new ImportOptions
            {
                SiteDirectory = siteDirectory,
                Sources = result.GetValue(paths)!,
                DryRun = result.GetValue(dryRun),
                Update = result.GetValue(update),
                Category = result.GetValue(category),
                Source = result.GetValue(source),
                Tags = result.GetValue(tags),
            };
            using var fetcher = FeedFetcher.Create();
            var imported = await StoryImporter.ImportAsync(options, settings, fetcher, cancellationToken);
            foreach (var diagnostic in imported.Diagnostics)
            {
                Console.Error.WriteLine(diagnostic.ToString());
            }

            foreach (var article in imported.Articles)
            {
                if (options.DryRun)
                {
                    // The front matter alone: the body is the story's text, as it was read.
                    var end = article.Text.IndexOf("\n---\n", StringComparison.Ordinal);
                    Console.WriteLine(Diagnostic.Printable($"would write {article.Path} (from {article.Origin}):"));
                    foreach (var line in article.Text[..(end + 4)].Split('\n'))
                    {
                        Console.WriteLine(Diagnostic.Printable(line));
                    }
                }
                else
                {
                    Console.WriteLine(Diagnostic.Printable($"{(article.Replaced ? "replaced" : "wrote")} {article.Path} (from {article.Origin})"));
                }
            }

            var verb = options.DryRun ? "would import" : "imported";
            Console.WriteLine($"{verb} {imported.Articles.Count}, skipped {imported.Skipped} (duplicates), failed {imported.Failed}");
            return imported.Failed > 0 ? CommandLine.ContentErrors : CommandLine.Success;
        });
        return command;
    }
}
