using System.Text.Json.Nodes;
using Digest.Writing;

namespace Digest.Tests.Sites;

/// <summary>Same input, same bytes: across output folders, and without rewriting an up-to-date output.</summary>
[Collection(SampleSiteGroup.Name)]
public sealed class DeterminismTests(SampleSite sample)
{
    [Fact]
    public void TwoBuildsIntoDifferentFoldersAreByteIdentical()
    {
        var second = sample.TempPath("second");
        TestBuild.Succeed(Repository.Root, second);

        var files = GoldenFolder.Files(sample.Output);
        Assert.Equal(files, GoldenFolder.Files(second));
        Assert.All(files, file => Assert.True(
            File.ReadAllBytes(Path.Combine(sample.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))),
            $"{file} differs between two builds."));
    }

    [Fact]
    public void RebuildingAnUpToDateOutputRewritesNothing()
    {
        var output = sample.TempPath("rebuilt");
        TestBuild.Succeed(Repository.Root, output);
        FolderSnapshot.Age(output);
        var before = FolderSnapshot.Take(output);

        var result = TestBuild.Succeed(Repository.Root, output);

        Assert.Equal(0, result.FilesWritten);
        Assert.Equal(before.Files.Count(f => f.Path != OutputManifest.FileName), result.FilesUnchanged);
        before.AssertSame(FolderSnapshot.Take(output));
    }

    [Fact]
    public void OutputDoesNotDependOnTheMachineTimeZone()
    {
        var site = Path.Combine(Repository.Fixtures, "sites", "features");
        var output = sample.TempPath("far-away-machine");

        // --future because the command runs on the real clock; no fixture article is dated after the test clock.
        var (exitCode, _, stderr) = DigestCommand.Run(new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati" },
            "build", "--site", site, "--output", output, "--future", "--quiet", "--no-cache");

        Assert.True(exitCode == 0, stderr);
        GoldenFolder.AssertMatches(Path.Combine(site, "expected"), output, blessable: false);
    }

    /// <summary>
    /// What guards the shipped tool against the machine's language: Directory.Build.props sets InvariantGlobalization,
    /// so the runtime never loads ICU and every culture is the invariant one, whatever LANG says.
    /// </summary>
    [Fact]
    public void TheToolRunsWithInvariantGlobalization()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(DigestCommand.CliAssembly, ".runtimeconfig.json")))!;
        Assert.True(config["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"]!.GetValue<bool>());
    }

    /// <summary>
    /// Under invariant globalization a Turkish LANG changes nothing, so a test of it could never fail. This one runs the
    /// tool with globalization on (a copy of its runtimeconfig.json with Invariant false; the environment variable cannot
    /// override the file) on Debian's ICU and a Turkish culture, whose dotless i breaks culture-sensitive casing and
    /// whose formats differ: the output must still be the fixture's, byte for byte. Should someone drop the invariant
    /// setting, this is what still holds; should code start to depend on the culture, this fails.
    /// </summary>
    [Fact]
    public void OutputDoesNotDependOnTheMachineLanguageEvenWithGlobalizationOn()
    {
        var site = Path.Combine(Repository.Fixtures, "sites", "features");
        var output = sample.TempPath("turkish-machine");
        var config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(DigestCommand.CliAssembly, ".runtimeconfig.json")))!;
        var properties = config["runtimeOptions"]!["configProperties"]!;
        properties["System.Globalization.Invariant"] = false;
        properties["System.Globalization.PredefinedCulturesOnly"] = false;
        var configPath = sample.TempPath("with-icu.runtimeconfig.json");
        File.WriteAllText(configPath, config.ToJsonString());
        string[] host = ["--runtimeconfig", configPath];
        var turkish = new Dictionary<string, string> { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" };

        // First proof that the culture took: System.CommandLine answers a wrong option in Turkish, which it cannot under
        // invariant globalization. Without ICU (Debian's libicu) the runtime refuses to start and this says so.
        var (_, _, probe) = DigestCommand.RunWith(host, turkish, "--no-such-option");
        Assert.True(probe.Contains("Tanınmayan", StringComparison.Ordinal), "The tool did not run in Turkish:\n" + probe);

        var (exitCode, _, stderr) = DigestCommand.RunWith(host, turkish, "build", "--site", site, "--output", output, "--future", "--quiet", "--no-cache");

        Assert.True(exitCode == 0, stderr);
        GoldenFolder.AssertMatches(Path.Combine(site, "expected"), output, blessable: false);
    }

    [Fact]
    public void RebuildAfterOneChangeRewritesOnlyWhatChangedAndRemovesStaleFiles()
    {
        using var site = new InlineSite("""
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            ---
            First version.
            -- input/extra.txt --
            An extra file.
            """);
        site.BuildOk();
        FolderSnapshot.Age(site.OutputDirectory);
        var before = FolderSnapshot.Take(site.OutputDirectory).Files.ToDictionary(f => f.Path);
        site.Write("input/articles/a.md", "---\ntitle: A\ndate: 2026-11-03T09:15:00Z\n---\nSecond version.\n");
        File.Delete(Path.Combine(site.SiteDirectory, "input", "extra.txt"));

        site.BuildOk();

        var after = FolderSnapshot.Take(site.OutputDirectory).Files.ToDictionary(f => f.Path);
        Assert.False(after.ContainsKey("extra.txt"));
        var article = Path.Combine("2026", "11", "03", "a", "index.html");
        Assert.NotEqual(before[article].WrittenUtc, after[article].WrittenUtc);
        Assert.Contains("Second version.", site.Output("2026/11/03/a/index.html"), StringComparison.Ordinal);
        Assert.Equal(before[Path.Combine("assets", "style.css")], after[Path.Combine("assets", "style.css")]);
    }
}
