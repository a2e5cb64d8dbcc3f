using Digest.Publishing.Tests.Publishing;

namespace Digest.Publishing.Tests.Cli;

/// <summary>The commands as a user runs them: exit codes and the first words of each problem line.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task BuildWithCheckFailsOnABrokenLinkAndNamesThePage()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("site", "input"));
        File.WriteAllText(temp.Combine("site", "digest.yml"), "title: T\nbase_url: https://example.github.io/t/\n");
        File.WriteAllText(temp.Combine("site", "input", "a.md"), "---\ntitle: A\ndate: 2020-01-02\n---\nSee [the archive](/no-such-page/).\n");

        var (exit, _, error) = await DigestAsync(temp.Path, "build", "--check", "--site", "site", "--output", "out");

        Assert.Equal(1, exit);
        Assert.StartsWith("out/2020/01/02/a/index.html:", error, StringComparison.Ordinal);
        Assert.Contains(": error DG4101: the link '/t/no-such-page/'", error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("out", "index.html")), "the build itself succeeded and was written");

        var (checkExit, _, checkError) = await DigestAsync(temp.Path, "check", "--site", "site", "--output", "out");
        Assert.Equal(1, checkExit);
        Assert.Equal(error, checkError);
    }

    [Fact]
    public async Task InitThenBuildWithCheckSucceedsAndInitAgainRefuses()
    {
        using var temp = new TempFolder();
        var (initExit, next, _) = await DigestAsync(temp.Path, "init", "news");
        Assert.Equal(0, initExit);
        // Built files opened from disk break root-relative links: the next step is the preview.
        Assert.Contains("Next: digest preview --site news", next, StringComparison.Ordinal);
        Assert.Contains("created .config/dotnet-tools.json", next, StringComparison.Ordinal);
        Assert.Contains("dotnet tool update digest.tool", next, StringComparison.Ordinal);
        // The example article is dated today (UTC), so it is not "in the future".
        var (buildExit, output, error) = await DigestAsync(temp.Path, "build", "--check", "--site", "news");
        Assert.True(buildExit == 0, error);
        Assert.Contains("no problems", output, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(temp.Combine("news", "output"), "index.html", SearchOption.AllDirectories).Count() > 3);

        // Init again keeps what is the same, and refuses a file it would overwrite.
        var (same, kept, _) = await DigestAsync(temp.Path, "init", "news");
        Assert.Equal(0, same);
        Assert.Contains("kept digest.yml: it is already the same", kept, StringComparison.Ordinal);
        File.AppendAllText(temp.Combine("news", "digest.yml"), "title: Mine\n");
        var (again, _, refusal) = await DigestAsync(temp.Path, "init", "news");
        Assert.Equal(1, again);
        Assert.Contains("error DG9006", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitInAnExistingCloneRefusesAConflictingFileThenAddsWhatIsMissing()
    {
        using var temp = new TempFolder();
        var clone = temp.Combine("clone");
        Directory.CreateDirectory(clone);
        await ProcessRunner.RunAsync(clone, "git", ["init", "--quiet"]);
        File.WriteAllText(Path.Combine(clone, "README.md"), "# Our news\n");
        File.WriteAllText(Path.Combine(clone, ".gitignore"), "bin/\n");
        Directory.CreateDirectory(Path.Combine(clone, ".config"));
        const string Manifest = """{"version":1,"isRoot":true,"tools":{"dotnet-ef":{"version":"9.0.0","commands":["dotnet-ef"],"rollForward":false}}}""";
        File.WriteAllText(Path.Combine(clone, ".config", "dotnet-tools.json"), Manifest);
        File.WriteAllText(Path.Combine(clone, "digest.yml"), "title: Ours\n");
        var before = Snapshot(clone);

        var (refused, _, refusal) = await DigestAsync(clone, "init");

        Assert.Equal(1, refused);
        Assert.StartsWith($"{clone.Replace('\\', '/')}/digest.yml:1:1: error DG9006: this file exists with other content", refusal, StringComparison.Ordinal);
        Assert.Single(refusal.Trim().Split('\n'));
        Assert.Equal(before, Snapshot(clone));

        File.Delete(Path.Combine(clone, "digest.yml"));
        var (exit, output, error) = await DigestAsync(clone, "init");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        Assert.Contains("updated .config/dotnet-tools.json: added digest.tool", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            ["created .github/workflows/pages.yml", "updated .gitignore: added output/, .output.digest-staging/, .digest-cache/, node_modules/", "created digest.yml"],
            lines[1..4]);
        Assert.StartsWith("bin/\n# Made by digest build and npm, never committed.\noutput/\n", File.ReadAllText(Path.Combine(clone, ".gitignore")), StringComparison.Ordinal);
        Assert.Contains("\"dotnet-ef\"", File.ReadAllText(Path.Combine(clone, ".config", "dotnet-tools.json")), StringComparison.Ordinal);
        Assert.Equal("# Our news\n", File.ReadAllText(Path.Combine(clone, "README.md")));
    }

    /// <summary>Every file under <paramref name="folder"/> outside .git, with its text.</summary>
    private static List<string> Snapshot(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(folder, f) + "=" + File.ReadAllText(f))];

    [Fact]
    public async Task PublishOutsideARepositoryExitsWithOne()
    {
        using var temp = new TempFolder();
        await DigestAsync(temp.Path, "init", ".");
        var (exit, _, error) = await DigestAsync(temp.Path, "publish", "--site", ".");
        Assert.Equal(1, exit);
        Assert.Contains("error DG4201", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishRefusesTheCheckedOutBranchWithALocatedErrorAndExitsWithTwo()
    {
        using var git = new GitFixture();

        var (exit, _, error) = await DigestAsync(git.Work, "publish", "--branch", "main");

        Assert.Equal(2, exit);
        Assert.StartsWith("--branch: error DG4206: ", error.Split('\n').Single(l => l.Contains("error", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("", GitFixture.Run(git.Remote, "for-each-ref"));
    }

    [Fact]
    public async Task PublishWithALocalBaseUrlWarnsOnceAndStillPublishes()
    {
        using var git = new GitFixture();

        var (exit, _, error) = await DigestAsync(git.Work, "publish", "--base-url", "http://localhost:4000/");

        Assert.True(exit == 0, error);
        Assert.Equal(["--base-url: warning DG4208", "digest.yml:3:1: warning DG4209"],
            error.Split('\n').Where(l => l.Contains(": warning DG", StringComparison.Ordinal)).Select(l => l[..(l.IndexOf(" DG", StringComparison.Ordinal) + 7)]));
        Assert.Equal(GitFixture.Run(git.Remote, "rev-parse", "gh-pages"), GitFixture.Run(git.Remote, "rev-parse", "refs/heads/gh-pages"));
    }

    // A temp folder may sit inside some repository on a developer's machine; git must not look above it.
    private static Task<(int Exit, string Output, string Error)> DigestAsync(string workingDirectory, params string[] arguments) =>
        ProcessRunner.RunAsync(workingDirectory, DigestCommand.Host, ["exec", DigestCommand.CliAssembly, .. arguments],
            new Dictionary<string, string> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(workingDirectory)! });
}
