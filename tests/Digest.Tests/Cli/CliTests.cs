
namespace Digest.Tests.Cli;

/// <summary>The real <c>digest</c> entry point, run as a process: exit codes and what it prints.</summary>
public sealed class CliTests
{
    [Fact]
    public void SuccessfulBuildExitsWithZero()
    {
        using var site = new InlineSite("""
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            ---
            Text.
            """);

        var (exitCode, stdout, stderr) = Run("build", "--site", site.SiteDirectory, "--output", site.OutputDirectory, "--quiet");

        Assert.Equal(0, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
        Assert.True(site.OutputExists("2026/11/03/a/index.html"));
    }

    [Fact]
    public void ContentErrorsExitWithOneAndPrintEachDiagnostic()
    {
        using var temp = new TempFolder();
        var site = Path.Combine(Repository.Fixtures, "invalid", "several-broken-files");

        var (exitCode, _, stderr) = Run("build", "--site", site, "--output", temp.Combine("out"), "--no-cache");

        Assert.Equal(1, exitCode);
        var expected = File.ReadAllLines(Path.Combine(site, "expected.txt")).Where(l => l.Length > 0);
        Assert.Equal(expected, stderr.Split('\n').Where(l => l.Contains(" DG", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Theory]
    [InlineData("build", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("build", "--set", "no-equals-sign")]
    public void UsageErrorsExitWithTwo(params string[] args)
    {
        using var temp = new TempFolder();
        var (exitCode, _, stderr) = Run([.. args, "--site", temp.Path, "--output", temp.Combine("out")]);

        Assert.Equal(2, exitCode);
        Assert.Contains("DG9002", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--base-url", "ftp://example.org/", "DG9002")]
    [InlineData("--set", "page_size=many", "DG9002")]
    [InlineData("--output", "input/out", "DG9301")]
    public void InvalidOptionValuesAreUsageErrors(string option, string value, string code)
    {
        using var site = new InlineSite("-- input/articles/a.md --\n---\ntitle: A\ndate: 2026-11-03T09:15:00Z\n---\nText.");
        string[] output = option == "--output" ? [] : ["--output", site.OutputDirectory];
        var argument = option == "--output" ? Path.Combine(site.SiteDirectory, value) : value;

        var (exitCode, _, stderr) = Run(["build", "--site", site.SiteDirectory, .. output, option, argument]);

        Assert.Equal(2, exitCode);
        Assert.Contains("error " + code, stderr, StringComparison.Ordinal);
        Assert.False(site.OutputExists("index.html"));
    }

    [Fact]
    public void WithoutAUsableTemporaryFolderTheBuildKeepsBodiesInMemory()
    {
        using var site = new InlineSite("-- input/articles/a.md --\n---\ntitle: A\ndate: 2026-11-03T09:15:00Z\n---\nThe *whole* body.");
        // A temporary folder below a plain file can be neither used nor made.
        var blocked = Path.Combine(site.SiteDirectory, "input", "articles", "a.md", "tmp");

        var (exitCode, _, stderr) = DigestCommand.Run(new Dictionary<string, string> { ["TMPDIR"] = blocked },
            "build", "--site", site.SiteDirectory, "--output", site.OutputDirectory, "--quiet");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("<p>The <em>whole</em> body.</p>", site.Output("2026/11/03/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSiteFolderIsAUsageError()
    {
        using var temp = new TempFolder();
        var (exitCode, _, stderr) = Run("build", "--site", temp.Combine("missing"), "--output", temp.Combine("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains("DG9003", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderThatIsNoSiteIsAUsageErrorAndGetsNoOutput()
    {
        using var temp = new TempFolder();
        var folder = temp.Combine("not-a-site");
        Directory.CreateDirectory(folder);
        var (exitCode, _, stderr) = Run("build", "--site", folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("DG9003", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => DigestCommand.Run(args);
}
