using System.CommandLine;
using Digest.Build;
using Digest.Configuration;
using Digest.Diagnostics;

namespace Digest.Cli;

/// <summary>Exit codes and the options several commands share.</summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageErrors = 2;

    public static Option<string> SiteOption() => new("--site")
    {
        Description = "The site folder (holding digest.yml and input/).",
        DefaultValueFactory = _ => ".",
    };

    public static Option<string?> OutputOption(string description) => new("--output", "-o") { Description = description };

    public static Option<string?> BaseUrlOption() => new("--base-url") { Description = "Overrides base_url, e.g. https://owner.github.io/repo/." };

    public static Option<bool> DraftsOption() => new("--drafts") { Description = "Include articles marked draft: true." };

    public static Option<bool> VerboseOption() => new("--verbose", "-v") { Description = "Also print where the time went, stage by stage." };

    public static Option<bool> FutureOption() => new("--future") { Description = "Include articles dated in the future." };

    /// <summary>Parses and runs; a command line that does not parse exits with 2 after saying why.</summary>
    public static int Run(RootCommand root, string[] args)
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"digest: error DG9002: {error.Message}");
            }

            Console.Error.WriteLine("Run 'digest --help' for usage.");
            return UsageErrors;
        }

        return result.Invoke();
    }

    /// <summary>The site's settings, or null after printing why they cannot be read (for commands that do not build).</summary>
    public static SiteSettings? LoadSettings(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var settings = SettingsLoader.Load(options.SiteDirectory, options.SettingOverrides, diagnostics);
        foreach (var diagnostic in diagnostics.ToSortedList())
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        return diagnostics.HasErrors ? null : settings;
    }
}
