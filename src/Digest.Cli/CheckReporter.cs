using System.Diagnostics;
using System.Globalization;
using Digest.Build;
using Digest.Checking;
using Digest.Diagnostics;

namespace Digest.Cli;

/// <summary>Runs <see cref="SiteChecker"/> on a built site and reports each problem under the output file it is in.</summary>
internal static class CheckReporter
{
    public static int Run(BuildOptions options, bool quiet)
    {
        var watch = Stopwatch.StartNew();
        if (CommandLine.LoadSettings(options) is not { } settings)
        {
            return CommandLine.ContentErrors;
        }

        var output = options.ResolvedOutputDirectory;
        var result = SiteChecker.Check(output, settings.BaseUrl);
        var shownOutput = Path.GetRelativePath(Environment.CurrentDirectory, output);
        foreach (var diagnostic in result.Diagnostics)
        {
            var shown = diagnostic.Code == DiagnosticCodes.NothingToCheck ? shownOutput : Path.Combine(shownOutput, diagnostic.Path).Replace('\\', '/');
            Console.Error.WriteLine((diagnostic with { Path = shown }).ToString());
        }

        if (!result.Passed)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Check failed: {result.Diagnostics.Count} problem(s) in {shownOutput}."));
            return CommandLine.ContentErrors;
        }

        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Checked {shownOutput} for {settings.BaseUrl}: {result.FilesChecked} files, {result.ReferencesChecked} links, no problems, in {watch.ElapsedMilliseconds} ms."));
        }

        return CommandLine.Success;
    }
}
