using Digest.Configuration;
using Digest.Diagnostics;

namespace Digest.Tests.Importing;

/// <summary>The real <c>digest import</c> command, and its settings in <c>digest.yml</c>.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public void ImportPrintsEachArticleAndTheCountsAndFailsWhenASourceFailed()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        site.Write("mail/a.txt", "Categories: Sport\n\nChess final ends in a draw\n\nHayk News\n2026-11-20\n\nYEREVAN, November 20. The final game ended in a draw after 60 moves.\n");

        var (exitCode, stdout, stderr) = DigestCommand.Run("import", "--site", site.SiteDirectory,
            Path.Combine(site.SiteDirectory, "mail/a.txt"), Path.Combine(site.SiteDirectory, "mail/missing.txt"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"wrote input/articles/2026/11/20/chess-final-ends-in-a-draw.md (from {Path.Combine(site.SiteDirectory, "mail/a.txt")})\n", stdout, StringComparison.Ordinal);
        Assert.EndsWith("imported 1, skipped 0 (duplicates), failed 1\n", stdout, StringComparison.Ordinal);
        Assert.Contains("missing.txt: error DG5001: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRunPrintsTheFrontMatterAndWritesNothing()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        site.Write("mail/a.txt", "Chess final ends in a draw\n\nHayk News\nNov 20 2026\n\nYEREVAN, November 20. The final game ended in a draw.\n");

        var (exitCode, stdout, _) = DigestCommand.Run("import", "--site", site.SiteDirectory, "--dry-run", "--category", "Sport", Path.Combine(site.SiteDirectory, "mail/a.txt"));

        Assert.Equal(0, exitCode);
        Assert.Contains("---\ntitle: \"Chess final ends in a draw\"\ndate: 2026-11-20\nsource: \"Hayk News\"\ncategories: [\"Sport\"]\n---\n", stdout, StringComparison.Ordinal);
        Assert.EndsWith("would import 1, skipped 0 (duplicates), failed 0\n", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.SiteDirectory, "input")));
    }

    [Fact]
    public void ImportIntoAFolderThatIsNoSiteIsAUsageError()
    {
        using var temp = new TempFolder();

        var (exitCode, _, stderr) = DigestCommand.Run("import", "--site", temp.Path, "story.txt");

        Assert.Equal(2, exitCode);
        Assert.Contains("DG9003", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportSettingsAreReadAndUnknownOnesNamed()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            import:
              signatures: ["Sent from my phone", "  "]
              tags: 4
              signature: typo
            """);
        var diagnostics = new DiagnosticBag();

        var settings = SettingsLoader.Load(site.SiteDirectory, [], diagnostics);

        Assert.Equal(["Sent from my phone"], settings.Import.Signatures);
        Assert.Equal(4, settings.Import.Tags);
        var warning = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("digest.yml:4:3: warning DG4001: unknown setting 'import.signature'. Did you mean 'import.signatures'?", warning.ToString());
    }

    [Theory]
    [InlineData("import: yes", "digest.yml:1:1: error DG4002")]
    [InlineData("import:\n  tags: -1", "digest.yml:2:3: error DG4002")]
    [InlineData("import:\n  signatures: {a: b}", "digest.yml:2:3: error DG4002")]
    public void InvalidImportSettingsAreErrors(string yaml, string expected)
    {
        using var site = new InlineSite("-- digest.yml --\n" + yaml + "\n");
        var diagnostics = new DiagnosticBag();

        SettingsLoader.Load(site.SiteDirectory, [], diagnostics);

        Assert.StartsWith(expected, Assert.Single(diagnostics.ToSortedList()).ToString(), StringComparison.Ordinal);
    }
}
