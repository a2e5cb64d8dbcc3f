using System.Text;

namespace Digest.Testing;

/// <summary>
/// Compares a built folder with its expected copy: no file missing, none extra, contents equal. The first
/// difference is shown as a few lines of context. With <c>DIGEST_BLESS=1</c> the expected copy is replaced.
/// The built-in theme's assets are expected as the theme has them, so expected copies hold only assets a site
/// overrides instead of one more copy of the stylesheet per site.
/// The generator's version (<c>Digest 0.2.0</c> in the meta tag and the feeds) comes from the git tag and changes with
/// every commit between releases, so expected files hold <see cref="VersionToken"/> in its place.
/// </summary>
public static class GoldenFolder
{
    /// <summary>What expected files hold where the output names Digest's version.</summary>
    public const string VersionToken = "Digest {version}";

    /// <summary>
    /// The list of the files a build owns, which every build writes into its output (README, "Output folder"); a test
    /// in Digest.Tests pins it to the engine's internal constant, which this project cannot see.
    /// </summary>
    public const string ManifestFileName = ".digest-manifest";

    /// <param name="blessable">False where another test owns the expectations and blessing twice would race.</param>
    public static void AssertMatches(string expectedFolder, string actualFolder, bool blessable = true)
    {
        if (Repository.Bless && blessable)
        {
            if (Directory.Exists(expectedFolder))
            {
                Directory.Delete(expectedFolder, recursive: true);
            }

            CopyFolder(actualFolder, expectedFolder);
            return;
        }

        Assert.True(Directory.Exists(expectedFolder), $"{expectedFolder} does not exist. Run DIGEST_BLESS=1 dotnet test to create it.");
        var stored = Files(expectedFolder);
        var expected = stored.Union(ThemeAssets.Keys).Order(StringComparer.Ordinal).ToList();
        var actual = Files(actualFolder);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The file lists differ.\nMissing from the output: {string.Join(", ", missing)}\nNot expected: {string.Join(", ", extra)}\n" +
            "If the change is intended, run DIGEST_BLESS=1 dotnet test and review the git diff.");

        foreach (var file in expected)
        {
            var want = stored.Contains(file) ? File.ReadAllBytes(Path.Combine(expectedFolder, file)) : ThemeAssets[file];
            var got = WithVersionToken(File.ReadAllBytes(Path.Combine(actualFolder, file)));
            if (!want.AsSpan().SequenceEqual(got))
            {
                Assert.Fail($"{file} differs from the expected file.\n{FirstDifference(want, got)}\n" +
                    "If the change is intended, run DIGEST_BLESS=1 dotnet test and review the git diff.");
            }
        }
    }

    /// <summary>Asserts that two folders hold the same files (the manifest too) with the same bytes.</summary>
    public static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expectedFiles = AllFiles(expectedFolder);
        Assert.Equal(expectedFiles, AllFiles(actualFolder));
        foreach (var file in expectedFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, file))),
                $"{file} differs from {expectedFolder}");
        }
    }

    /// <summary>The repository theme's assets by output path (<c>assets/style.css</c>): what every site gets unless it overrides them.</summary>
    private static Dictionary<string, byte[]> ThemeAssets { get; } =
        Files(Path.Combine(Repository.Root, "theme", "assets")).ToDictionary(f => "assets/" + f, f => File.ReadAllBytes(Path.Combine(Repository.Root, "theme", "assets", f)), StringComparer.Ordinal);

    /// <summary>Sorted '/'-separated paths of every file under <paramref name="folder"/> but Digest's manifest of them.</summary>
    public static List<string> Files(string folder) => [.. AllFiles(folder).Where(f => f != ManifestFileName)];

    /// <summary><paramref name="content"/> with every <see cref="DigestVersion.Generator"/> replaced by <see cref="VersionToken"/>, byte for byte.</summary>
    public static byte[] WithVersionToken(byte[] content)
    {
        var generator = Encoding.UTF8.GetBytes(DigestVersion.Generator);
        var token = Encoding.UTF8.GetBytes(VersionToken);
        var result = new List<byte>(content.Length);
        var rest = content.AsSpan();
        for (var at = rest.IndexOf(generator); at >= 0; at = rest.IndexOf(generator))
        {
            result.AddRange(rest[..at]);
            result.AddRange(token);
            rest = rest[(at + generator.Length)..];
        }

        result.AddRange(rest);
        return [.. result];
    }

    /// <summary>Sorted '/'-separated paths of every file under <paramref name="folder"/>.</summary>
    public static List<string> AllFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var wantLines = Encoding.UTF8.GetString(expected).Split('\n');
        var gotLines = Encoding.UTF8.GetString(actual).Split('\n');
        var line = 0;
        while (line < wantLines.Length && line < gotLines.Length && wantLines[line] == gotLines[line])
        {
            line++;
        }

        var report = new StringBuilder();
        report.Append("First difference at line ").Append(line + 1).Append(":\n");
        for (var i = Math.Max(0, line - 2); i < line; i++)
        {
            report.Append("  ").Append(Clip(wantLines[i], 0)).Append('\n');
        }

        var want = line < wantLines.Length ? wantLines[line] : "(end of file)";
        var got = line < gotLines.Length ? gotLines[line] : "(end of file)";
        var column = 0;
        while (column < want.Length && column < got.Length && want[column] == got[column])
        {
            column++;
        }

        report.Append("- ").Append(Clip(want, column)).Append('\n');
        report.Append("+ ").Append(Clip(got, column)).Append('\n');
        return report.ToString();
    }

    /// <summary>Long lines (JSON-LD, minified files) are cut to the part around <paramref name="column"/>.</summary>
    private static string Clip(string line, int column)
    {
        const int Before = 80;
        const int After = 160;
        var start = Math.Max(0, column - Before);
        var end = Math.Min(line.Length, column + After);
        return (start > 0 ? "…" : "") + line[start..end] + (end < line.Length ? "…" : "");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Files(from))
        {
            if (ThemeAssets.TryGetValue(file, out var builtIn) && builtIn.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(from, file))))
            {
                continue;
            }

            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, WithVersionToken(File.ReadAllBytes(Path.Combine(from, file))));
        }
    }
}
