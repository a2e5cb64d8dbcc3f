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
        Assert.Equal("news.gazette.dev", GitFixture.Run(git.Remote, "cat-file", "blob", tree["CNAME"]));
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

        var refusal = Assert.Single(rejected.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.PushRejected, refusal.Code);
        Assert.Contains("publishing is frozen", refusal.Message, StringComparison.Ordinal);
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
        var result = await BranchPublisher.PublishAsync(new PublishOptions
        {
            RepositoryDirectory = temp.Path,
            OutputDirectory = temp.Path,
            BaseUrl = new Uri("https://news.gazette.dev/"),
        });
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

    [Fact]
    public async Task FilesWithOddNamesArePublishedUnderTheirOwnNames()
    {
        using var git = new GitFixture();
        git.Build();
        // A newline, a tab, quotes, a backslash, non-ASCII, a leading dash, a name like an option of git, spaces.
        string[] names = ["a\nb.html", "a", "tab\there.html", "say \"hi\".html", "back\\slash.html", "ünïcödé/日本.html",
            "-leading.html", "--stdin", " spaced .html", "\"quoted\""];
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(git.Output, name))!);
            File.WriteAllText(Path.Combine(git.Output, name), "content of " + name);
        }

        var result = await git.PublishAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var tree = Tree(git, result.Commit!);
        foreach (var name in names)
        {
            Assert.Equal("content of " + name, GitFixture.Run(git.Remote, "cat-file", "blob", tree[name]));
        }

        Assert.DoesNotContain("b.html", tree.Keys);
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("refs/heads/gh-pages")]
    [InlineData("refs/remotes/origin/main")]
    [InlineData("-f")]
    [InlineData("--delete")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("@{-1}")]
    [InlineData("gh-pages@{u}")]
    [InlineData("main~1")]
    [InlineData("a..b")]
    [InlineData("gh pages")]
    [InlineData("gh-pages\n")]
    [InlineData("gh-pages.lock")]
    [InlineData("/gh-pages")]
    [InlineData("gh-pages/")]
    [InlineData("origin/gh-pages:main")]
    public async Task ABranchThatIsNotAPlainBranchNameIsRefused(string branch)
    {
        using var git = new GitFixture();
        GitFixture.Run(git.Work, "checkout", "--quiet", "-b", "other");
        GitFixture.Run(git.Work, "checkout", "--quiet", "main");
        git.Build();

        var result = await git.PublishAsync(branch: branch);

        var refusal = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidPublishBranch, "--branch", 0, Severity.Error), (refusal.Code, refusal.Path, refusal.Line, refusal.Severity));
        Assert.Equal("", GitFixture.Run(git.Remote, "for-each-ref"));
    }

    [Fact]
    public async Task TheCurrentBranchAndTheBranchTheSourcesCameFromAreRefused()
    {
        using var git = new GitFixture();
        GitFixture.Run(git.Work, "push", "--quiet", "origin", "main");
        GitFixture.Run(git.Work, "checkout", "--quiet", "-b", "draft", "--track", "origin/main");
        git.Build();
        var remote = GitFixture.Run(git.Remote, "for-each-ref");

        foreach (var branch in new[] { "draft", "main" })
        {
            var result = await git.PublishAsync(branch: branch);

            var refusal = Assert.Single(result.Diagnostics);
            Assert.Equal((DiagnosticCodes.PublishBranchIsSource, "--branch", 0), (refusal.Code, refusal.Path, refusal.Line));
            Assert.Equal(remote, GitFixture.Run(git.Remote, "for-each-ref"));
        }

        // A detached HEAD has no branch of its own; a branch beside the sources is fine.
        GitFixture.Run(git.Work, "checkout", "--quiet", "--detach");
        Assert.True((await git.PublishAsync(branch: "site/gh-pages")).Succeeded);
    }

    [Fact]
    public async Task ALinkOutOfTheOutputOrInALoopIsRefusedAndNothingOfWhatItLeadsToIsPublished()
    {
        using var git = new GitFixture();
        git.Build();
        var secrets = Path.Combine(Path.GetDirectoryName(git.Output)!, "secrets");
        Directory.CreateDirectory(secrets);
        File.WriteAllText(Path.Combine(secrets, "key.txt"), "TOP-SECRET-7f3a");
        File.CreateSymbolicLink(Path.Combine(git.Output, "absolute.txt"), Path.Combine(secrets, "key.txt"));
        File.CreateSymbolicLink(Path.Combine(git.Output, "assets", "relative.txt"), "../../secrets/key.txt");
        File.CreateSymbolicLink(Path.Combine(git.Output, "folder"), secrets);
        // In and out again: the name of the output's parent is not part of the published site.
        File.CreateSymbolicLink(Path.Combine(git.Output, "roundabout.html"), "../output/index.html");
        // Absolute, so it would lead out once published, though it points in here.
        File.CreateSymbolicLink(Path.Combine(git.Output, "home.html"), Path.Combine(git.Output, "index.html"));
        File.CreateSymbolicLink(Path.Combine(git.Output, "loop-a"), "loop-b");
        File.CreateSymbolicLink(Path.Combine(git.Output, "loop-b"), "loop-a");
        File.CreateSymbolicLink(Path.Combine(git.Output, "self"), "self");
        File.CreateSymbolicLink(Path.Combine(git.Output, "gone.html"), "no-such-file.html");

        var result = await git.PublishAsync();

        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticCodes.LinkOutsideOutput, Severity.Error, 0), (d.Code, d.Severity, d.Line)));
        string[] refused = ["absolute.txt", "assets/relative.txt", "folder", "gone.html", "home.html", "loop-a", "loop-b", "roundabout.html", "self"];
        Assert.Equal(refused.Select(name => Path.Combine(git.Output, name).Replace('\\', '/')), result.Diagnostics.Select(d => d.Path));
        Assert.Equal("", GitFixture.Run(git.Remote, "for-each-ref"));
        Assert.DoesNotContain("TOP-SECRET", GitFixture.Run(git.Work, "cat-file", "--batch-all-objects", "--batch"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkThatStaysInTheOutputIsPublishedAsALink()
    {
        using var git = new GitFixture();
        git.Build();
        File.CreateSymbolicLink(Path.Combine(git.Output, "latest.html"), "2026/11/02/rail-link-reopens/index.html");
        File.CreateSymbolicLink(Path.Combine(git.Output, "tags", "styles"), "../assets");

        var result = await git.PublishAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var entries = GitFixture.Run(git.Remote, "ls-tree", "-r", result.Commit!).Split('\n');
        Assert.Contains(entries, e => e.StartsWith("120000 blob ", StringComparison.Ordinal) && e.EndsWith("\tlatest.html", StringComparison.Ordinal));
        Assert.Equal("2026/11/02/rail-link-reopens/index.html", GitFixture.Run(git.Remote, "cat-file", "blob", "gh-pages:latest.html"));
        Assert.Equal("../assets", GitFixture.Run(git.Remote, "cat-file", "blob", "gh-pages:tags/styles"));
        Assert.DoesNotContain(entries, e => e.Contains("tags/styles/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://localhost:4000/", true)]
    [InlineData("http://LOCALHOST/", true)]
    [InlineData("http://app.localhost/", true)]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://127.1.2.3:8080/news/", true)]
    [InlineData("http://[::1]/", true)]
    [InlineData("http://0.0.0.0/", true)]
    [InlineData("https://example.com/", true)]
    [InlineData("https://news.example.org/digest/", true)]
    [InlineData("https://www.Example.NET/", true)]
    [InlineData("https://news.example/", true)]
    [InlineData("https://news.test/", true)]
    [InlineData("https://site.invalid/", true)]
    [InlineData("https://example.com./", true)]
    [InlineData("https://example.github.io/digest/", false)]
    [InlineData("https://examples.com/", false)]
    [InlineData("https://notexample.com/", false)]
    [InlineData("https://example.com.au/", false)]
    [InlineData("https://testing.dev/", false)]
    [InlineData("https://10.0.0.7/", false)]
    public async Task ALocalOrExampleBaseUrlIsWarnedAboutOnce(string baseUrl, bool warned)
    {
        using var git = new GitFixture();
        git.CommitSettings($"title: Test digest\n# where it goes\nbase_url: {baseUrl}\n");
        git.Build();

        var result = await git.PublishAsync(baseUrl: baseUrl, customDomain: "");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(warned ? [(DiagnosticCodes.LocalOrExampleBaseUrl, Severity.Warning, "digest.yml", 3, 1)] : [],
            result.Diagnostics.Select(d => (d.Code, d.Severity, d.Path, d.Line, d.Column)));
    }

    [Fact]
    public async Task ACnameThatIsNotTheHostOfBaseUrlIsWarnedAbout()
    {
        using var git = new GitFixture();
        git.CommitSettings("title: Test digest\nbase_url: https://news.gazette.dev/\n");
        git.Build();
        File.WriteAllText(Path.Combine(git.Output, "CNAME"), "www.gazette.dev\n");

        var fromOutput = await git.PublishAsync(customDomain: "");

        Assert.True(fromOutput.Succeeded);
        var cname = Path.Combine(git.Output, "CNAME").Replace('\\', '/');
        Assert.Equal([(DiagnosticCodes.CnameMismatch, Severity.Warning, cname, 1, 1)], fromOutput.Diagnostics.Select(d => (d.Code, d.Severity, d.Path, d.Line, d.Column)));

        // custom_domain is written as CNAME over the output's own: it is the one compared, where digest.yml sets it.
        git.CommitSettings("title: Test digest\nbase_url: https://news.gazette.dev/\ncustom_domain: gazette.dev\n");
        var fromSettings = await git.PublishAsync(customDomain: "gazette.dev");
        Assert.Equal([(DiagnosticCodes.CnameMismatch, "digest.yml", 3, 1)], fromSettings.Diagnostics.Select(d => (d.Code, d.Path, d.Line, d.Column)));

        File.WriteAllText(Path.Combine(git.Output, "CNAME"), "News.Gazette.dev.\n");
        Assert.Empty((await git.PublishAsync(customDomain: "")).Diagnostics);
    }

    [Fact]
    public async Task UncommittedSourcesAreWarnedAboutOnceAndNamedInThePublishCommit()
    {
        using var git = new GitFixture();
        File.AppendAllText(Path.Combine(git.Work, "input/articles/b.md"), "A late correction.\n");
        File.WriteAllText(Path.Combine(git.Work, "input/articles/c.md"), "---\ntitle: New\ndate: 2026-11-03\n---\nNot yet committed.\n");
        // Not a source of the site: no warning of its own.
        File.WriteAllText(Path.Combine(git.Work, "notes.txt"), "untracked\n");
        git.Build();

        var result = await git.PublishAsync();

        Assert.True(result.Succeeded);
        Assert.Equal([(DiagnosticCodes.UncommittedSources, Severity.Warning, "input/articles/b.md", 0)],
            result.Diagnostics.Select(d => (d.Code, d.Severity, d.Path, d.Line)));
        Assert.EndsWith(" (built from uncommitted changes)", GitFixture.Run(git.Remote, "log", "-1", "--format=%s", "gh-pages"), StringComparison.Ordinal);

        GitFixture.Run(git.Work, "add", "-A");
        GitFixture.Run(git.Work, "commit", "--quiet", "-m", "The correction and a new article");
        File.WriteAllText(Path.Combine(git.Output, "extra.txt"), "so that the tree changes\n");
        var clean = await git.PublishAsync();
        Assert.Empty(clean.Diagnostics);
        Assert.DoesNotContain("uncommitted", GitFixture.Run(git.Remote, "log", "-1", "--format=%s", "gh-pages"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Tree(GitFixture git, string commit) =>
        GitFixture.Run(git.Remote, "ls-tree", "-r", "-z", commit).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('\t', 2))
            .ToDictionary(parts => parts[1], parts => parts[0].Split(' ')[2]);
}
