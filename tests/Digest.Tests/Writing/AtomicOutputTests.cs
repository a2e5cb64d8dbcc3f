using System.Diagnostics;
using System.Text;

namespace Digest.Tests.Writing;

/// <summary>Issue 15, point 2: a build is seen whole or not at all, even when the process is killed half-way.</summary>
public sealed class AtomicOutputTests
{
    private const int Articles = 300;

    [Fact]
    public void AKillAtAnyMomentLeavesTheOldSiteOrTheNewOneAndTheNextBuildRepairsTheRest()
    {
        using var folder = new TempFolder();
        var site = folder.Combine("site");
        var output = folder.Combine("output");
        WriteSite(site, "first");
        var first = BuildWhole(site, output);
        WriteSite(site, "second");
        var second = BuildWhole(site, output);
        Assert.NotEqual(first.Files, second.Files);

        var watch = Stopwatch.StartNew();
        WriteSite(site, "first");
        BuildWhole(site, output);
        var wholeBuild = watch.Elapsed;

        var random = new Random(15);
        var seen = new HashSet<string>();
        for (var i = 0; i < 12; i++)
        {
            var now = Take(output);
            var version = now.Equals(first) ? "second" : "first";
            WriteSite(site, version);
            var delay = TimeSpan.FromMilliseconds(random.Next(50, (int)wholeBuild.TotalMilliseconds));
            seen.Add(KillDuringBuild(site, output, delay) ? "killed" : "finished");

            var after = Take(output);
            Assert.True(after.Equals(first) || after.Equals(second), $"Killed after {delay.TotalMilliseconds} ms: the output is a mix:\n{after.Difference(first, second)}");
        }

        Assert.Contains("killed", seen);
        WriteSite(site, "second");
        Assert.Equal(second, BuildWhole(site, output));
        Assert.Equal(["output", "site"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void WriteSite(string site, string version)
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(site).FullName, "digest.yml"), "title: Atomic\nbase_url: https://atomic.example/\n");
        var articles = Directory.CreateDirectory(Path.Combine(site, "input", "articles")).FullName;
        for (var i = 0; i < Articles; i++)
        {
            var text = new StringBuilder()
                .Append($"---\ntitle: Story {i} ({version} version)\ndate: 2026-11-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z\ntags: [t{i % 40}, {version}]\n---\n");
            for (var p = 0; p < 20; p++)
            {
                text.Append($"Paragraph {p} of story {i}, the {version} version, with some words to fill the page.\n\n");
            }

            File.WriteAllText(Path.Combine(articles, $"a{i:D3}.md"), text.ToString());
        }
    }

    private static Snapshot BuildWhole(string site, string output)
    {
        var (exit, _, stderr) = DigestCommand.Run("build", "--site", site, "--output", output, "--quiet");
        Assert.True(exit == 0, stderr);
        return Take(output);
    }

    /// <summary>Starts a build and kills it (SIGKILL) after <paramref name="delay"/>; false when it finished first.</summary>
    private static bool KillDuringBuild(string site, string output, TimeSpan delay)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Digest.Cli.dll"), "build", "--site", site, "--output", output, "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (process.WaitForExit(delay))
        {
            return false;
        }

        process.Kill();
        process.WaitForExit();
        return true;
    }

    private static Snapshot Take(string output) => new(string.Join("\n",
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/') + " " + Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal)));

    private sealed record Snapshot(string Files)
    {
        public string Difference(Snapshot first, Snapshot second)
        {
            var lines = Files.Split('\n').ToHashSet();
            var fromFirst = lines.Intersect(first.Files.Split('\n')).Except(second.Files.Split('\n')).Count();
            var fromSecond = lines.Intersect(second.Files.Split('\n')).Except(first.Files.Split('\n')).Count();
            return $"{fromFirst} files only the first site has, {fromSecond} only the second has, {lines.Count} in all";
        }
    }
}
