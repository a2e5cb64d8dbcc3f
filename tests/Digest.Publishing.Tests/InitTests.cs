using Digest.Build;
using Digest.Checking;
using Digest.Diagnostics;
using Digest.Scaffolding;

namespace Digest.Publishing.Tests;

/// <summary>Issue 4: <c>digest init</c> makes a site that builds at once, and never overwrites anything.</summary>
public sealed class InitTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public async Task ANewSiteBuildsAndPassesTheCheck()
    {
        using var temp = new TempDirectory();
        var site = temp.Combine("my-digest");
        Assert.Empty(await SiteScaffold.CreateAsync(site, Today));

        Assert.Equal(
            [".github/workflows/pages.yml", ".gitignore", "digest.yml", "input/articles/welcome.md", "theme/README.md"],
            Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Contains("output/", File.ReadAllLines(Path.Combine(site, ".gitignore")));

        var result = SiteBuilder.Build(new BuildOptions
        {
            SiteDirectory = site,
            StrictVariables = true,
            Clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)),
        });
        Assert.Empty(result.Diagnostics);
        var article = File.ReadAllText(Path.Combine(site, "output/2026/11/27/welcome-to-your-digest/index.html"));
        Assert.Contains("Welcome to your digest", article, StringComparison.Ordinal);
        Assert.Empty(SiteChecker.Check(Path.Combine(site, "output"), new Uri("http://localhost/")).Diagnostics);
    }

    [Fact]
    public async Task InitTwiceRefusesAndChangesNothing()
    {
        using var temp = new TempDirectory();
        Assert.Empty(await SiteScaffold.CreateAsync(temp.Path, Today));
        File.WriteAllText(temp.Combine("digest.yml"), "title: Mine\n");

        var problems = await SiteScaffold.CreateAsync(temp.Path, Today);

        Assert.Equal(5, problems.Count);
        Assert.All(problems, p => Assert.Equal(DiagnosticCodes.WouldOverwrite, p.Code));
        Assert.Equal("title: Mine\n", File.ReadAllText(temp.Combine("digest.yml")));
    }

    [Fact]
    public async Task OneExistingFileIsEnoughToWriteNothing()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine(".gitignore"), "bin/\n");

        var problems = await SiteScaffold.CreateAsync(temp.Path, Today);

        Assert.Equal(DiagnosticCodes.WouldOverwrite, Assert.Single(problems).Code);
        Assert.Equal([temp.Combine(".gitignore")], Directory.EnumerateFileSystemEntries(temp.Path));
        Assert.Equal("bin/\n", File.ReadAllText(temp.Combine(".gitignore")));
    }
}
