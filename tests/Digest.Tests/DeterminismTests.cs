using Digest.Tests.Support;
using Digest.Writing;

namespace Digest.Tests;

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
    public void OutputDoesNotDependOnTheMachineTimeZoneOrLanguage()
    {
        var site = Path.Combine(Repository.Fixtures, "sites", "features");
        var output = sample.TempPath("far-away-machine");
        var environment = new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" };

        // --future because the command runs on the real clock; no fixture article is dated after the test clock.
        var (exitCode, _, stderr) = DigestCommand.Run(environment, "build", "--site", site, "--output", output, "--future", "--quiet", "--no-cache");

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
