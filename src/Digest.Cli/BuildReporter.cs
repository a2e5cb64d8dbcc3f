using System.Diagnostics;
using System.Globalization;
using Digest.Build;
using Digest.Diagnostics;

namespace Digest.Cli;

/// <summary>Runs a build and tells the user what happened, on the console.</summary>
internal static class BuildReporter
{
    public static int Run(BuildOptions options, bool quiet, bool verbose)
    {
        var watch = Stopwatch.StartNew();
        var result = SiteBuilder.Build(options);
        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        if (verbose)
        {
            PrintStages(result.Timings);
        }

        if (errors > 0)
        {
            Console.Error.WriteLine($"Build failed with {errors} error(s); the previous output was left as it was.");
            return result.Diagnostics.Any(d => d.Code is DiagnosticCodes.UsageError or DiagnosticCodes.SiteNotFound or DiagnosticCodes.DangerousOutput or DiagnosticCodes.ForeignOutput)
                ? CommandLine.UsageErrors
                : CommandLine.ContentErrors;
        }

        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Built {Path.GetRelativePath(Environment.CurrentDirectory, options.ResolvedOutputDirectory)}: {result.FilesWritten} files written, {result.FilesUnchanged} unchanged, in {watch.ElapsedMilliseconds} ms."));
        }

        return CommandLine.Success;
    }

    public static void PrintStages(StageTimings timings)
    {
        Console.WriteLine("stage                    items        ms");
        foreach (var (stage, count, elapsed) in timings.Stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-22} {count,7} {elapsed.TotalMilliseconds,9:F1}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-22} {"",7} {timings.Total.TotalMilliseconds,9:F1}"));
        var (collections, paused) = timings.Collections;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"collections, paused",-22} {collections,7} {paused.TotalMilliseconds,9:F1}"));
    }
}
