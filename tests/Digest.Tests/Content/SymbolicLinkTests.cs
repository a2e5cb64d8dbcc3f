
namespace Digest.Tests.Content;

/// <summary>
/// Issue 15, point 5: like Jekyll's safe mode, a file reached through a symbolic link that leads out of the site folder
/// is not read unless digest.yml sets <c>follow_links_outside: true</c>; each link skipped is a located warning.
/// Links that stay inside the site are followed as before, and links that loop are skipped (DG9007).
/// </summary>
public sealed class SymbolicLinkTests
{
    private const string Site = """
        -- digest.yml --
        title: Links
        base_url: https://links.example/
        -- input/articles/kept.md --
        ---
        title: Kept
        date: 2026-11-03T09:15:00+04:00
        ---
        Body.
        """;

    private const string OutsideArticle = "---\ntitle: Outside\ndate: 2026-11-04T09:15:00+04:00\n---\nFrom elsewhere.\n";

    [Fact]
    public void AFolderLinkLeadingOutOfTheSiteIsNotReadByDefault()
    {
        using var site = new InlineSite(Site);
        var outside = Outside(site, "corpus");
        File.WriteAllText(Path.Combine(outside, "outside.md"), OutsideArticle);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "articles", "corpus"), outside);

        var result = site.Build();

        Assert.Equal(
        [
            $"input/articles/corpus: warning DG9401: this link leads to {outside}, outside the site folder, so nothing is read through it. Set follow_links_outside: true in digest.yml to read it, or move what it leads to into the site.",
        ], TestBuild.Lines(result));
        Assert.True(result.Succeeded);
        Assert.True(site.OutputExists("2026/11/03/kept/index.html"));
        Assert.False(site.OutputExists("2026/11/04/outside/index.html"));
    }

    [Fact]
    public void TheSettingLetsAFolderLinkLeadOutOfTheSite()
    {
        using var site = new InlineSite(Site);
        site.Write("digest.yml", "title: Links\nbase_url: https://links.example/\nfollow_links_outside: true\n");
        var outside = Outside(site, "corpus");
        File.WriteAllText(Path.Combine(outside, "outside.md"), OutsideArticle);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "articles", "corpus"), outside);

        var result = site.Build();

        Assert.Empty(TestBuild.Lines(result));
        Assert.True(site.OutputExists("2026/11/04/outside/index.html"));
    }

    [Fact]
    public void AFileLinkLeadingOutOfTheSiteIsNeitherReadNorCopied()
    {
        using var site = new InlineSite(Site);
        var outside = Outside(site, "private");
        File.WriteAllText(Path.Combine(outside, "id_rsa"), "secret\n");
        File.WriteAllText(Path.Combine(outside, "outside.md"), OutsideArticle);
        File.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "key.txt"), Path.Combine(outside, "id_rsa"));
        File.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "articles", "outside.md"), Path.Combine(outside, "outside.md"));

        var result = site.Build();

        Assert.Equal(
        [
            $"input/articles/outside.md: warning DG9401: this link leads to {outside}/outside.md, outside the site folder, so nothing is read through it. Set follow_links_outside: true in digest.yml to read it, or move what it leads to into the site.",
            $"input/key.txt: warning DG9401: this link leads to {outside}/id_rsa, outside the site folder, so nothing is read through it. Set follow_links_outside: true in digest.yml to read it, or move what it leads to into the site.",
        ], TestBuild.Lines(result));
        Assert.False(site.OutputExists("key.txt"));
        Assert.False(site.OutputExists("2026/11/04/outside/index.html"));
    }

    [Fact]
    public void ALinkInsideTheSiteThatLeadsOnOutOfItIsNotRead()
    {
        // input/hop → site/hop, itself a link out of the site: where a link ends is what counts.
        using var site = new InlineSite(Site);
        var outside = Outside(site, "corpus");
        File.WriteAllText(Path.Combine(outside, "outside.md"), OutsideArticle);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "hop"), outside);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "articles", "hop"), Path.Combine(site.SiteDirectory, "hop"));

        var result = site.Build();

        Assert.Equal(["input/articles/hop: warning DG9401"], TestBuild.Lines(result).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
        Assert.False(site.OutputExists("2026/11/04/outside/index.html"));
    }

    [Fact]
    public void AnInputFolderThatIsALinkOutOfTheSiteIsNotRead()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: Links\n");
        var outside = Outside(site, "input");
        Directory.CreateDirectory(Path.Combine(outside, "articles"));
        File.WriteAllText(Path.Combine(outside, "articles", "outside.md"), OutsideArticle);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input"), outside);

        var result = site.Build();

        Assert.Equal(
        [
            $"input: warning DG9401: this link leads to {outside}, outside the site folder, so nothing is read through it. Set follow_links_outside: true in digest.yml to read it, or move what it leads to into the site.",
        ], TestBuild.Lines(result));
        Assert.False(site.OutputExists("2026/11/04/outside/index.html"));
    }

    [Fact]
    public void TwoFolderLinksThatLeadToEachOtherAreFollowedOnceAndTheLoopIsReported()
    {
        using var site = new InlineSite(Site + "\n" + """
            -- shelf/other.md --
            ---
            title: Other
            date: 2026-11-04T09:15:00+04:00
            ---
            Body.
            """);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "articles", "shelf"), Path.Combine(site.SiteDirectory, "shelf"));
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "shelf", "back"), Path.Combine(site.SiteDirectory, "input"));

        var result = site.Build();

        Assert.Equal(["input/articles/shelf/back: warning DG9007"], TestBuild.Lines(result).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
        Assert.True(result.Succeeded);
        Assert.True(site.OutputExists("2026/11/04/other/index.html"));
    }

    [Fact]
    public void AFolderLinkLoopOutsideTheSiteIsReportedWhenLinksOutsideAreFollowed()
    {
        using var site = new InlineSite(Site);
        site.Write("digest.yml", "title: Links\nfollow_links_outside: true\n");
        var outside = Outside(site, "corpus");
        File.WriteAllText(Path.Combine(outside, "outside.md"), OutsideArticle);
        Directory.CreateSymbolicLink(Path.Combine(outside, "again"), outside);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "articles", "corpus"), outside);

        var result = site.Build();

        Assert.Equal(["input/articles/corpus/again: warning DG9007"], TestBuild.Lines(result).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
        Assert.True(site.OutputExists("2026/11/04/outside/index.html"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("[true]")]
    public void TheSettingMustBeTrueOrFalse(string value)
    {
        using var site = new InlineSite(Site);
        site.Write("digest.yml", $"title: Links\nfollow_links_outside: {value}\n");

        var result = site.Build();

        Assert.Equal(["digest.yml:2:1: error DG4002"], TestBuild.Lines(result).Select(l => l[..l.IndexOf(':', l.IndexOf(": ", StringComparison.Ordinal) + 2)]));
    }

    [Fact]
    public void AThemeFileLinkLeadingOutOfTheSiteIsNotCopied()
    {
        using var site = new InlineSite(Site);
        var outside = Outside(site, "private");
        File.WriteAllText(Path.Combine(outside, "notes.css"), "/* private */\n");
        Directory.CreateDirectory(Path.Combine(site.SiteDirectory, "theme", "assets"));
        File.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "theme", "assets", "notes.css"), Path.Combine(outside, "notes.css"));

        var result = site.Build();

        Assert.Equal(["theme/assets/notes.css: warning DG9401"], TestBuild.Lines(result).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
        Assert.False(site.OutputExists("assets/notes.css"));
    }

    [Fact]
    public void AThemeFolderLinkedFromOutsideTheSiteIsUsedWhenTheSettingAllowsIt()
    {
        using var site = new InlineSite(Site);
        var outside = Outside(site, "theme");
        Directory.CreateDirectory(Path.Combine(outside, "assets"));
        File.WriteAllText(Path.Combine(outside, "assets", "shared.css"), "body { color: teal; }\n");
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "theme"), outside);

        var refused = site.Build();
        site.Write("digest.yml", "title: Links\nfollow_links_outside: true\n");
        var followed = site.Build();

        Assert.Equal(["theme: warning DG9401"], TestBuild.Lines(refused).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
        Assert.Empty(TestBuild.Lines(followed));
        Assert.Equal("body { color: teal; }\n", site.Output("assets/shared.css"));
    }

    [Fact]
    public void AThemeFolderLinkThatLoopsIsSkippedWithAWarning()
    {
        using var site = new InlineSite(Site);
        Directory.CreateDirectory(Path.Combine(site.SiteDirectory, "theme", "assets"));
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "theme", "assets", "again"), "..");

        var result = site.Build();

        Assert.Equal(["theme/assets/again: warning DG9007"], TestBuild.Lines(result).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
        Assert.True(result.Succeeded);
    }

    /// <summary>A folder beside the site, removed with it.</summary>
    private static string Outside(InlineSite site, string name) =>
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(site.SiteDirectory)!, "outside-" + name)).FullName;
}
