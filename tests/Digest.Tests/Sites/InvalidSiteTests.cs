using System.Text.RegularExpressions;
using Digest.Writing;

namespace Digest.Tests.Sites;

/// <summary>
/// Each site under tests/fixtures/invalid/ and the exact diagnostics it must produce (its expected.txt). A site
/// with errors must fail, report every error, and leave the previous output byte for byte and timestamp for
/// timestamp as it was; a site with only warnings must build.
/// </summary>
public sealed partial class InvalidSiteTests
{
    public static TheoryData<string> Sites => Repository.CasesIn("invalid");

    [Theory]
    [MemberData(nameof(Sites))]
    public void BrokenSiteReportsExactDiagnostics(string site)
    {
        var siteDirectory = Path.Combine(Repository.Fixtures, "invalid", site);
        using var temp = new TempFolder();
        var output = temp.Combine("output");
        WritePreviousOutput(output);
        var before = FolderSnapshot.Take(output);

        var result = TestBuild.Run(siteDirectory, output);

        var actual = TestBuild.Lines(result);
        var expectedFile = Path.Combine(siteDirectory, "expected.txt");
        if (Repository.Bless)
        {
            File.WriteAllText(expectedFile, string.Join("\n", actual) + "\n");
        }

        var expected = File.ReadAllLines(expectedFile).Where(l => l.Length > 0).ToArray();
        Assert.NotEmpty(expected);
        // Positions and codes first: they are the contract; wording may be improved.
        Assert.Equal(expected.Select(Position), actual.Select(Position));
        Assert.Equal(expected, actual);

        var hasErrors = expected.Any(l => l.Contains(": error DG", StringComparison.Ordinal));
        Assert.Equal(!hasErrors, result.Succeeded);
        if (hasErrors)
        {
            Assert.Equal(0, result.FilesWritten);
            before.AssertSame(FolderSnapshot.Take(output));
            Assert.Empty(Directory.GetDirectories(temp.Path, ".*"));
        }
        else
        {
            Assert.True(File.Exists(Path.Combine(output, "index.html")));
            Assert.False(File.Exists(Path.Combine(output, "previous.txt")));
        }
    }

    /// <summary>A site of one readable article, for the tests that add links to it.</summary>
    private const string KeptArticleSite = """
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

    /// <summary>
    /// A link into a folder that is gone (a corpus moved, a drive not mounted) is reported by path, as an article and
    /// as a file to copy (which is read only once every page is made); it must not crash the build.
    /// </summary>
    [Fact]
    public void AnInputThatCannotBeReadIsReportedByPath()
    {
        using var site = new InlineSite(KeptArticleSite);
        var gone = Path.Combine(site.SiteDirectory, "gone");
        var article = Path.Combine(site.SiteDirectory, "input", "articles", "moved.md");
        File.CreateSymbolicLink(article, Path.Combine(gone, "moved.md"));
        File.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "photo.jpg"), Path.Combine(gone, "photo.jpg"));
        WritePreviousOutput(site.OutputDirectory);
        var before = FolderSnapshot.Take(site.OutputDirectory);
        const string Gone = "error DG9001: cannot read this file: it is a link to something that does not exist. Restore what it points to, or remove the link.";

        var withBoth = site.Build();
        File.Delete(article);
        var withPhoto = site.Build();

        Assert.Equal(["input/articles/moved.md: " + Gone], TestBuild.Lines(withBoth));
        Assert.Equal(["input/photo.jpg: " + Gone], TestBuild.Lines(withPhoto));
        Assert.False(withPhoto.Succeeded);
        before.AssertSame(FolderSnapshot.Take(site.OutputDirectory));
    }

    /// <summary>
    /// A folder link that leads back to a folder holding it would be followed until the system gives up, reading every
    /// article dozens of times over. It is skipped with a warning; a link to a folder elsewhere is still followed.
    /// </summary>
    [Fact]
    public void AFolderLinkThatLoopsBackIsSkippedWithAWarning()
    {
        using var site = new InlineSite(KeptArticleSite + "\n" + """
            -- elsewhere/more/other.md --
            ---
            title: Other
            date: 2026-11-04T09:15:00+04:00
            ---
            Body.
            """);
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "articles", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(site.SiteDirectory, "input", "more"), Path.Combine(site.SiteDirectory, "elsewhere", "more"));

        var result = site.Build();

        Assert.Equal(
        [
            "input/articles/loop: warning DG9007: this link leads to input, a folder that holds it, so following it would never end; it is skipped. Remove the link, or point it at a folder outside input/.",
        ], TestBuild.Lines(result));
        Assert.True(result.Succeeded);
        Assert.True(site.OutputExists("2026/11/03/kept/index.html"));
        Assert.True(site.OutputExists("2026/11/04/other/index.html"));
    }

    /// <summary>A previous build's output, aged so that any rewrite would show in the timestamps.</summary>
    private static void WritePreviousOutput(string output)
    {
        Directory.CreateDirectory(Path.Combine(output, "2026", "11", "01", "old-story"));
        File.WriteAllText(Path.Combine(output, "index.html"), "<!doctype html><title>previous build</title>\n");
        File.WriteAllText(Path.Combine(output, "2026", "11", "01", "old-story", "index.html"), "<!doctype html><title>old story</title>\n");
        File.WriteAllText(Path.Combine(output, "previous.txt"), "made by an earlier build\n");
        File.WriteAllBytes(Path.Combine(output, OutputManifest.FileName), OutputManifest.Format(["index.html", "2026/11/01/old-story/index.html", "previous.txt"]));
        FolderSnapshot.Age(output);
    }

    private static string Position(string line) => PositionPattern().Match(line).Value;

    [GeneratedRegex(@"^.*?: (error|warning) DG\d{4}")]
    private static partial Regex PositionPattern();
}
