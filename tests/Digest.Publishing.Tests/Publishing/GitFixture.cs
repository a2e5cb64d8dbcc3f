using Digest.Build;

namespace Digest.Publishing.Tests.Publishing;

/// <summary>
/// A user's repository holding a small site, with a bare repository as its remote <c>origin</c>, in a temp folder.
/// Git's global and system configuration are shut out so that the machine's own settings cannot change results.
/// </summary>
internal sealed class GitFixture : IDisposable
{
    private static readonly Dictionary<string, string> TestEnvironment = new()
    {
        ["GIT_AUTHOR_NAME"] = "Test Setup",
        ["GIT_AUTHOR_EMAIL"] = "setup@example.org",
        ["GIT_COMMITTER_NAME"] = "Test Setup",
        ["GIT_COMMITTER_EMAIL"] = "setup@example.org",
    };

    private readonly TempFolder _temp = new();

    static GitFixture()
    {
        // Process-wide and the same for every test: git must not read the machine's or user's configuration.
        var emptyConfig = Path.Combine(Path.GetTempPath(), "digest-tests-empty.gitconfig");
        File.WriteAllText(emptyConfig, "");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", emptyConfig);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
    }

    public GitFixture(bool withRemote = true, bool withIdentity = true)
    {
        Remote = _temp.Combine("remote.git");
        Work = _temp.Combine("work");
        Output = _temp.Combine("output");
        Directory.CreateDirectory(Work);
        Run(_temp.Path, "init", "--quiet", "--bare", Remote);
        Run(Work, "init", "--quiet", "--initial-branch=main");
        if (withIdentity)
        {
            Run(Work, "config", "user.name", "Ann Editor");
            Run(Work, "config", "user.email", "ann@example.org");
        }

        WriteSite("Rail link reopens", "custom_domain: news.gazette.dev\n");
        Run(Work, "add", "-A");
        Run(Work, "commit", "--quiet", "-m", "The site");
        if (withRemote)
        {
            Run(Work, "remote", "add", "origin", Remote);
        }
    }

    public string Remote { get; }
    public string Work { get; }
    public string Output { get; }

    public void WriteSite(string secondTitle, string extraSettings = "")
    {
        Directory.CreateDirectory(Path.Combine(Work, "input/articles"));
        File.WriteAllText(Path.Combine(Work, "digest.yml"), "title: Test digest\nbase_url: https://news.gazette.dev/\n" + extraSettings);
        File.WriteAllText(Path.Combine(Work, ".gitignore"), "output/\n");
        File.WriteAllText(Path.Combine(Work, "input/articles/a.md"), "---\ntitle: Budget passes\ndate: 2026-11-01\ntags: [budget]\n---\nThe council passed the budget.\n");
        File.WriteAllText(Path.Combine(Work, "input/articles/b.md"), $"---\ntitle: {secondTitle}\ndate: 2026-11-02\ntags: [rail]\n---\nTrains run again.\n");
    }

    public void Build()
    {
        var result = SiteBuilder.Build(new BuildOptions
        {
            SiteDirectory = Work,
            OutputDirectory = Output,
            Clock = FixedClock.Default,
        });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    public Task<PublishResult> PublishAsync(string remote = "origin", string branch = "gh-pages", string baseUrl = "https://news.gazette.dev/",
        string customDomain = "news.gazette.dev") =>
        BranchPublisher.PublishAsync(new PublishOptions
        {
            RepositoryDirectory = Work,
            OutputDirectory = Output,
            BaseUrl = new Uri(baseUrl),
            Remote = remote,
            Branch = branch,
            CustomDomain = customDomain,
        });

    /// <summary>Replaces digest.yml with <paramref name="settings"/> and commits it, so that the sources are clean.</summary>
    public void CommitSettings(string settings)
    {
        File.WriteAllText(Path.Combine(Work, "digest.yml"), settings);
        Run(Work, "commit", "--quiet", "-am", "Settings");
    }

    /// <summary>Everything of the user's repository that publishing must leave alone.</summary>
    public string Snapshot(bool includeRemoteTracking = true) => string.Join('\n',
        Run(Work, "rev-parse", "HEAD"),
        Run(Work, "symbolic-ref", "HEAD"),
        Run(Work, "status", "--porcelain=v1", "--untracked-files=all", "--ignored"),
        Run(Work, "diff", "--cached"),
        Run(Work, "diff"),
        Run(Work, "ls-files", "--stage"),
        includeRemoteTracking ? Run(Work, "for-each-ref") : Run(Work, "for-each-ref", "refs/heads", "refs/tags"),
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Work, ".git/index")))));

    public static string Run(string directory, params string[] arguments)
    {
        var result = new Git(directory, TestEnvironment).RunAsync(arguments).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)}: {result.Error}");
        return result.Output.Trim();
    }

    public void Dispose() => _temp.Dispose();
}
