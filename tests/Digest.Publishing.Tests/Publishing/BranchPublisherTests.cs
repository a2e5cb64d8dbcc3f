using Digest.Diagnostics;

namespace Digest.Publishing.Tests.Publishing;

/// <summary>Issue 4: <c>digest publish</c> against a local bare repository, with the real git.</summary>
public sealed class BranchPublisherTests
{
    [Fact]
    public async Task TwoPublishesMakeTwoCommitsWithTheRightTrees()
    {
        using var git = new GitFixture();
        git.Build();
        var first = await git.PublishAsync();
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Null(first.Parent);

        git.WriteSite("Rail link reopens after rebuild");
        git.Build();
        var second = await git.PublishAsync();
        Assert.True(second.Succeeded, string.Join('\n', second.Diagnostics));

        // The branch on the remote: second on top of first, first an orphan.
        Assert.Equal($"{second.Commit} {first.Commit}\n{first.Commit}", GitFixture.Run(git.Remote, "log", "--format=%H %P", "gh-pages").Trim());
        Assert.Equal(first.Commit, second.Parent);

        // The tree is the output, plus .nojekyll and CNAME, and nothing else; every blob holds the file's bytes.
        var tree = Tree(git, second.Commit!);
        var outputFiles = Directory.EnumerateFiles(git.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(git.Output, f).Replace('\\', '/')).ToHashSet();
        Assert.Equal(outputFiles.Append("CNAME").Order(StringComparer.Ordinal), tree.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(".nojekyll", tree.Keys);
        Assert.Equal("news.example.org", GitFixture.Run(git.Remote, "cat-file", "blob", tree["CNAME"]));
        foreach (var path in outputFiles)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(git.Output, path)).Trim(), GitFixture.Run(git.Remote, "cat-file", "blob", tree[path]));
        }

        // An unchanged file is the same blob in both commits; a changed page is a new one.
        var before = Tree(git, first.Commit!);
        Assert.Equal(before["assets/style.css"], tree["assets/style.css"]);
        Assert.Equal(before["tags/budget/index.html"], tree["tags/budget/index.html"]);
        Assert.NotEqual(before["index.html"], tree["index.html"]);
        Assert.Contains("2026/11/02/rail-link-reopens-after-rebuild/index.html", tree.Keys);
        Assert.DoesNotContain("2026/11/02/rail-link-reopens/index.html", tree.Keys);

        // The user's identity from git config.
        Assert.Equal("Ann Editor <ann@example.org>", GitFixture.Run(git.Remote, "log", "-1", "--format=%an <%ae>", "gh-pages"));
    }

    [Fact]
    public async Task TheUsersCheckoutIndexAndBranchesAreUntouched()
    {
        using var git = new GitFixture();
        File.AppendAllText(Path.Combine(git.Work, "digest.yml"), "description: an uncommitted change\n");
        File.WriteAllText(Path.Combine(git.Work, "input/articles/c.md"), "---\ntitle: Staged\ndate: 2026-11-03\n---\nStaged text.\n");
        GitFixture.Run(git.Work, "add", "input/articles/c.md");
        File.WriteAllText(Path.Combine(git.Work, "notes.txt"), "untracked\n");
        var before = git.Snapshot(includeRemoteTracking: false);

        git.Build();
        var result = await git.PublishAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(before, git.Snapshot(includeRemoteTracking: false));
        Assert.Equal("", GitFixture.Run(git.Work, "branch", "--list", "gh-pages"));
        // The uncommitted change went into the published site, as it does into digest build.
        Assert.Contains("an uncommitted change", GitFixture.Run(git.Remote, "show", "gh-pages:index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingTheSameSiteAgainMakesNoCommit()
    {
        using var git = new GitFixture();
        git.Build();
        var first = await git.PublishAsync();
        var again = await git.PublishAsync();

        Assert.True(again.Unchanged);
        Assert.Equal(first.Commit, GitFixture.Run(git.Remote, "rev-parse", "gh-pages"));
    }

    [Fact]
    public async Task ARejectedPushLeavesEverythingAsItWas()
    {
        using var git = new GitFixture();
        git.Build();
        var first = await git.PublishAsync();
        Assert.True(first.Succeeded);
        var hook = Path.Combine(git.Remote, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'publishing is frozen' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        git.WriteSite("A story that will not go out");
        git.Build();
        var before = git.Snapshot();

        var rejected = await git.PublishAsync();

        Assert.Equal(DiagnosticCodes.PushRejected, Assert.Single(rejected.Diagnostics).Code);
        Assert.Contains("publishing is frozen", rejected.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(first.Commit, GitFixture.Run(git.Remote, "rev-parse", "gh-pages"));
        Assert.Equal(before, git.Snapshot());
    }

    [Fact]
    public async Task AMissingRemoteIsRefused()
    {
        using var git = new GitFixture(withRemote: false);
        git.Build();
        var before = git.Snapshot();

        var result = await git.PublishAsync();

        Assert.Equal(DiagnosticCodes.MissingRemote, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(before, git.Snapshot());
    }

    [Fact]
    public async Task AnUnreachableRemoteIsRefused()
    {
        using var git = new GitFixture();
        GitFixture.Run(git.Work, "remote", "set-url", "origin", Path.Combine(git.Work, "no-such-repository.git"));
        git.Build();

        var result = await git.PublishAsync();

        Assert.Equal(DiagnosticCodes.MissingRemote, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task AFolderOutsideAnyRepositoryIsRefused()
    {
        using var temp = new TempFolder();
        var result = await BranchPublisher.PublishAsync(new PublishOptions { RepositoryDirectory = temp.Path, OutputDirectory = temp.Path });
        Assert.Equal(DiagnosticCodes.NotAGitRepository, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task WithoutAGitIdentityDigestSignsTheCommit()
    {
        using var git = new GitFixture(withIdentity: false);
        git.Build();
        var result = await git.PublishAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal("Digest <digest@localhost>", GitFixture.Run(git.Remote, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "gh-pages").Split('|')[0]);
    }

    private static Dictionary<string, string> Tree(GitFixture git, string commit) =>
        GitFixture.Run(git.Remote, "ls-tree", "-r", commit).Split('\n')
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[1], parts => parts[0].Split(' ')[2]);
}
