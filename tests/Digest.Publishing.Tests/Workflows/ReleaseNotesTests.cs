namespace Digest.Publishing.Tests.Workflows;

/// <summary>
/// Issue 16: a release's notes are its section of CHANGELOG.md, cut out by <c>.github/scripts/release-notes.py</c> in
/// the release workflow; a tag whose version has no section, or an empty one, stops the release.
/// </summary>
public sealed class ReleaseNotesTests
{
    private const string Changelog = """
        # Changelog

        Intro.

        ## [Unreleased]

        ### Added

        - Something new.

        ## [1.2.0] - 2026-03-01

        ### Fixed

        - A fix, with a [link](https://example.org/).

        ## 1.1.0 - 2026-02-01

        - Plain heading.

        ## [1.0.0] - 2026-01-01

        ## [0.9.0] - 2025-12-01

        - The oldest.

        [Unreleased]: https://example.org/compare/v1.2.0...HEAD
        [1.2.0]: https://example.org/releases/tag/v1.2.0

        """;

    [Theory]
    [InlineData("v1.2.0", "### Fixed\n\n- A fix, with a [link](https://example.org/).\n")]
    [InlineData("1.2.0", "### Fixed\n\n- A fix, with a [link](https://example.org/).\n")]
    [InlineData("v1.1.0", "- Plain heading.\n")]
    [InlineData("v0.9.0", "- The oldest.\n")]
    [InlineData("Unreleased", "### Added\n\n- Something new.\n")]
    public async Task TheNotesAreTheVersionsSectionAndNothingElse(string tag, string notes)
    {
        var (exit, output, error) = await ReleaseNotesAsync(Changelog, tag);

        Assert.True(exit == 0, error);
        Assert.Equal(notes, output);
    }

    [Theory]
    [InlineData("v1.3.0", "no section '## [1.3.0]'")]
    [InlineData("v1.2", "no section '## [1.2]'")]
    [InlineData("v1.0.0", "'## [1.0.0]' is empty")]
    public async Task AVersionWithoutNotesStopsTheRelease(string tag, string message)
    {
        var (exit, output, error) = await ReleaseNotesAsync(Changelog, tag);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRepositorysChangelogHasAnUnreleasedSection()
    {
        var (exit, output, error) = await ReleaseNotesAsync(File.ReadAllText(Repository.File("CHANGELOG.md")), "Unreleased");

        Assert.True(exit == 0, error);
        Assert.Contains("### ", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> ReleaseNotesAsync(string changelog, string tag)
    {
        using var temp = new TempFolder();
        var path = temp.Combine("CHANGELOG.md");
        File.WriteAllText(path, changelog);
        return await ProcessRunner.RunAsync(Repository.Root, "python3", [Repository.File(Path.Combine(".github", "scripts", "release-notes.py")), path, tag]);
    }
}
