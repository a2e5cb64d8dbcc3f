using Digest.Diagnostics;

namespace Digest.Tests.Writing;

/// <summary>Issue 15, point 1: a build deletes only what an earlier Digest build wrote, and never builds into a folder it must not.</summary>
public sealed class OutputOwnershipTests
{
    private const string Site = """
        -- digest.yml --
        title: Owned
        base_url: https://owned.example/
        -- input/articles/a.md --
        ---
        title: First story
        date: 2026-11-03
        tags: [rail]
        ---
        Text.
        -- input/articles/b.md --
        ---
        title: Second story
        date: 2026-11-04
        ---
        Text.
        """;

    [Fact]
    public void AFolderOfSomeoneElsesFilesIsRefusedAndLeftAsItWas()
    {
        using var site = new InlineSite(Site);
        WriteFile(site.OutputDirectory, ".ssh/id_ed25519", "secret key");
        WriteFile(site.OutputDirectory, "Documents/notes.txt", "notes");
        var before = FolderSnapshot.Take(site.OutputDirectory);

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.ForeignOutput, error.Code);
        Assert.Equal(site.OutputDirectory, error.Path);
        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        before.AssertSame(FolderSnapshot.Take(site.OutputDirectory));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(site.OutputDirectory)!, ".*"));
    }

    [Fact]
    public void WithForceTheBuildWritesInButKeepsEveryFileItDidNotWrite()
    {
        using var site = new InlineSite(Site);
        WriteFile(site.OutputDirectory, "Documents/notes.txt", "notes");
        WriteFile(site.OutputDirectory, "robots.txt", "someone else's robots");

        var forced = site.Build(o => o with { Force = true });
        Assert.True(forced.Succeeded, string.Join("\n", forced.Diagnostics));
        Assert.Equal("notes\n", site.Output("Documents/notes.txt"));
        Assert.StartsWith("User-agent: *", site.Output("robots.txt"), StringComparison.Ordinal);

        // From now on the folder is Digest's: a build without --force is allowed, and still keeps the notes.
        site.Write("input/articles/b.md", "---\ntitle: Second story\ndate: 2026-11-04\ndraft: true\n---\nText.\n");
        site.BuildOk();
        Assert.Equal("notes\n", site.Output("Documents/notes.txt"));
        Assert.False(site.OutputExists("2026/11/04/second-story/index.html"));
    }

    [Fact]
    public void AFileDroppedIntoTheOutputSurvivesEveryRebuild()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();
        WriteFile(site.OutputDirectory, "notes.txt", "mine");
        WriteFile(site.OutputDirectory, "extra/deep/x.txt", "mine too");

        site.BuildOk();
        site.Write("input/articles/a.md", "---\ntitle: First story, updated\ndate: 2026-11-03\n---\nText.\n");
        site.BuildOk();

        Assert.Equal("mine\n", site.Output("notes.txt"));
        Assert.Equal("mine too\n", site.Output("extra/deep/x.txt"));
    }

    [Fact]
    public void WhatAnEarlierBuildWroteGoesWhenTheBuildNoLongerMakesIt()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();
        Assert.True(site.OutputExists("tags/rail/index.html"));

        site.Write("input/articles/a.md", "---\ntitle: First story\ndate: 2026-11-03\n---\nText.\n");
        var result = site.BuildOk();

        Assert.False(Directory.Exists(Path.Combine(site.OutputDirectory, "tags", "rail")));
        Assert.Contains("tags/rail/index.html", result.ChangedFiles);
    }

    [Fact]
    public void CnameAndKeptFilesSurviveThoughNoBuildMakesThemAnyMore()
    {
        using var site = new InlineSite(Site + """

            -- input/CNAME --
            news.owned.example
            -- input/google1234.html --
            google-site-verification: google1234.html
            """);
        site.BuildOk();
        File.Delete(Path.Combine(site.SiteDirectory, "input", "CNAME"));
        File.Delete(Path.Combine(site.SiteDirectory, "input", "google1234.html"));
        File.AppendAllText(Path.Combine(site.SiteDirectory, "digest.yml"), "keep: [google*.html]\n");

        site.BuildOk();

        Assert.Equal("news.owned.example\n", site.Output("CNAME"));
        Assert.True(site.OutputExists("google1234.html"));
    }

    [Fact]
    public void AFolderHoldingOnlyCnameAndKeptFilesIsNotSomeoneElses()
    {
        using var site = new InlineSite(Site.Replace("base_url: https://owned.example/", "base_url: https://owned.example/\nkeep: [verify/**]", StringComparison.Ordinal));
        WriteFile(site.OutputDirectory, "CNAME", "news.owned.example");
        WriteFile(site.OutputDirectory, "verify/token.txt", "token");

        site.BuildOk();

        Assert.Equal("news.owned.example\n", site.Output("CNAME"));
        Assert.Equal("token\n", site.Output("verify/token.txt"));
    }

    [Fact]
    public void ADamagedManifestIsNotTrusted()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();
        var manifest = Path.Combine(site.OutputDirectory, ".digest-manifest");
        File.AppendAllText(manifest, "../../victim\n");
        var before = FolderSnapshot.Take(site.OutputDirectory);

        var result = site.Build();

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ForeignOutput && d.Message.Contains("damaged", StringComparison.Ordinal));
        before.AssertSame(FolderSnapshot.Take(site.OutputDirectory));
    }

    [Fact]
    public void CleanupNeverFollowsALinkInTheOutput()
    {
        using var site = new InlineSite(Site);
        using var elsewhere = new TempFolder();
        WriteFile(elsewhere.Path, "index.html", "someone's page");
        WriteFile(elsewhere.Path, "rail/index.html", "someone's other page");
        var outside = FolderSnapshot.Take(elsewhere.Path);
        site.BuildOk();
        Directory.Delete(Path.Combine(site.OutputDirectory, "tags"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(site.OutputDirectory, "tags"), elsewhere.Path);

        var result = site.Build();

        Assert.Contains(result.Diagnostics, d => d is { Code: DiagnosticCodes.OutputClash, Severity: Severity.Error }
            && d.Path == Path.Combine(site.OutputDirectory, "tags"));
        outside.AssertSame(FolderSnapshot.Take(elsewhere.Path));

        var forced = site.Build(o => o with { Force = true });
        Assert.True(forced.Succeeded, string.Join("\n", forced.Diagnostics));
        outside.AssertSame(FolderSnapshot.Take(elsewhere.Path));
        Assert.False(new FileInfo(Path.Combine(site.OutputDirectory, "tags")).Attributes.HasFlag(FileAttributes.ReparsePoint));
        Assert.True(site.OutputExists("tags/rail/index.html"));
    }

    [Fact]
    public void AFileAnEarlierBuildWroteThatIsNowALinkIsRemovedWithoutTouchingItsTarget()
    {
        using var site = new InlineSite(Site);
        using var elsewhere = new TempFolder();
        WriteFile(elsewhere.Path, "precious.html", "precious");
        site.BuildOk();
        var page = Path.Combine(site.OutputDirectory, "tags", "rail", "index.html");
        File.Delete(page);
        File.CreateSymbolicLink(page, Path.Combine(elsewhere.Path, "precious.html"));

        site.Write("input/articles/a.md", "---\ntitle: First story\ndate: 2026-11-03\n---\nText.\n");
        site.BuildOk();

        Assert.Equal("precious\n", File.ReadAllText(Path.Combine(elsewhere.Path, "precious.html")));
        Assert.False(Path.Exists(page));
    }

    [Fact]
    public void AKeptFileOfTheUsersStandsInsteadOfTheBuildsFileOfThatName()
    {
        using var site = new InlineSite(Site.Replace("base_url: https://owned.example/", "base_url: https://owned.example/\nkeep: [robots.txt]", StringComparison.Ordinal));
        WriteFile(site.OutputDirectory, "robots.txt", "User-agent: *\nDisallow: /drafts/");

        site.BuildOk();
        site.BuildOk();

        Assert.Equal("User-agent: *\nDisallow: /drafts/\n", site.Output("robots.txt"));
        Assert.DoesNotContain("robots.txt", File.ReadAllText(Path.Combine(site.OutputDirectory, ".digest-manifest")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputNearGitHubPagesLimitIsWarnedOf()
    {
        using var site = new InlineSite(Site + "\n-- input/video.bin --\n" + new string('v', 20_000));

        var result = site.Build(o => o with { OutputSizeWarning = 16_000 });

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputTooLarge);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("1 GB", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(site.BuildOk().Diagnostics, d => d.Code == DiagnosticCodes.OutputTooLarge);
    }

    [Fact]
    public void ABuildKilledBetweenItsTwoRenamesLeavesThePreviousSiteWhichTheNextBuildPutsBack()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();
        var previous = Path.Combine(Path.GetDirectoryName(site.OutputDirectory)!, ".output.digest-previous");
        Directory.Move(site.OutputDirectory, previous);
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(site.OutputDirectory)!, ".output.digest-staging", "half"));

        site.Write("input/articles/c.md", "---\ntitle: Third story\ndate: 2026-11-05\n---\nText.\n");
        site.BuildOk();

        Assert.True(site.OutputExists("2026/11/05/third-story/index.html"));
        Assert.True(site.OutputExists("2026/11/03/first-story/index.html"));
        Assert.Equal(["output", "site"], Directory.GetFileSystemEntries(Path.GetDirectoryName(site.OutputDirectory)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> DangerousOutputs => new()
    {
        ".", "input", "input/articles", "theme", "theme/assets", ".git", ".git/objects", ".digest-cache", "..", "link-to-input",
    };

    [Theory]
    [MemberData(nameof(DangerousOutputs))]
    public void AnOutputThatWouldHoldOrLieInTheSourcesIsRefusedAndNothingIsTouched(string output)
    {
        using var site = new InlineSite(Site + "\n-- theme/assets/site.css --\nbody {}\n-- .git/HEAD --\nref: refs/heads/main\n-- .digest-cache/x --\nx\n");
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "link-to-input"), Path.Combine(site.SiteDirectory, "input"));
        var parent = Path.GetDirectoryName(site.SiteDirectory)!;
        var before = FolderSnapshot.Take(parent);
        var target = Path.GetFullPath(Path.Combine(site.SiteDirectory, output));

        var result = site.Build(o => o with { OutputDirectory = target, Force = true });

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.DangerousOutput, error.Code);
        Assert.Equal(target, error.Path);
        before.AssertSame(FolderSnapshot.Take(parent));
    }

    [Fact]
    public void TheHomeFolderAndTheRootAreRefusedOnTheCommandLine()
    {
        using var site = new InlineSite(Site);
        using var home = new TempFolder();
        WriteFile(home.Path, ".ssh/id_ed25519", "secret key");
        var before = FolderSnapshot.Take(home.Path);
        var environment = new Dictionary<string, string> { ["HOME"] = home.Path };

        foreach (var output in new[] { home.Path, "/" })
        {
            var (exit, _, stderr) = DigestCommand.Run(environment, "build", "--site", site.SiteDirectory, "--output", output, "--force", "--no-cache");

            Assert.Equal(2, exit);
            Assert.Contains($"{output}: error DG9301:", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }

        before.AssertSame(FolderSnapshot.Take(home.Path));
    }

    private static void WriteFile(string folder, string path, string text)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text + "\n");
    }
}
