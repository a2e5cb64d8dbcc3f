namespace Digest.Tests.Importing;

/// <summary>
/// Each <c>tests/fixtures/import/&lt;case&gt;/</c> (a <c>digest.yml</c> and <c>sources/</c>) is imported as one batch into an
/// empty site: the articles written must be those in <c>expected/</c>, and the report (diagnostics and counts) the one in
/// <c>expected/report.txt</c>; then the site must build without a problem. <c>DIGEST_BLESS=1</c> rewrites the expectations.
/// </summary>
public sealed class ImportFixtureTests
{
    /// <summary>The time given to every source file, which a story without a date takes.</summary>
    private static readonly DateTime FileTime = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Cases => Repository.CasesIn("import");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ImportsTheFixtureAsExpected(string name)
    {
        var fixture = Path.Combine(Repository.Fixtures, "import", name);
        using var temp = new TempFolder();
        var site = temp.Combine("site");
        Directory.CreateDirectory(Path.Combine(site, "input"));
        File.Copy(Path.Combine(fixture, "digest.yml"), Path.Combine(site, "digest.yml"));
        var sources = temp.Combine("sources");
        TempFolder.Copy(Path.Combine(fixture, "sources"), sources);
        foreach (var file in Directory.EnumerateFiles(sources, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, FileTime);
        }

        var result = ImportRun.Run(site, [sources]);

        var actual = ImportRun.Articles(site);
        actual["report.txt"] = string.Join("\n", [
            .. result.Diagnostics.Select(d => d.ToString().Replace(temp.Path + "/", "", StringComparison.Ordinal)),
            $"imported {result.Articles.Count}, skipped {result.Skipped} (duplicates), failed {result.Failed}",
        ]) + "\n";
        var expectedFolder = Path.Combine(fixture, "expected");
        if (Repository.Bless)
        {
            TempFolder.Delete(expectedFolder);
            foreach (var (path, text) in actual)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(expectedFolder, path))!);
                File.WriteAllText(Path.Combine(expectedFolder, path), text);
            }
        }

        var expected = Directory.EnumerateFiles(expectedFolder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(expectedFolder, f).Replace('\\', '/'), File.ReadAllText);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys);
        foreach (var (path, text) in actual)
        {
            Assert.True(expected[path] == text, $"{path} differs from the expected file:\n--- expected\n{expected[path]}\n--- actual\n{text}\nIf the change is intended, run DIGEST_BLESS=1 dotnet test and review the git diff.");
        }

        var built = TestBuild.Run(site, temp.Combine("output"));
        Assert.Empty(TestBuild.Lines(built));
    }
}
