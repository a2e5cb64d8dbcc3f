using Digest.Build;

namespace Digest.Build.Tests;

/// <summary>A copy of the repository's sample digest in a temporary folder, with helpers to edit and build it.</summary>
internal sealed class TestSite : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "digest-build-tests-" + Guid.NewGuid().ToString("N"));
        var repository = RepositoryRoot();
        CopyFolder(Path.Combine(repository, "input"), Path.Combine(Root, "input"));
        File.Copy(Path.Combine(repository, "digest.yml"), Path.Combine(Root, "digest.yml"));
    }

    public string Root { get; }
    public string Output => Path.Combine(Root, "output");
    public string CacheFile => Path.Combine(Root, ".digest-cache", "build.cache");

    public BuildOptions Options(bool useCache = true, string? output = null) => new()
    {
        SiteDirectory = Root,
        OutputDirectory = output,
        UseCache = useCache,
        Clock = new FixedClock(Now),
    };

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Edit(string relative, Func<string, string> change)
    {
        var path = PathOf(relative);
        var before = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        // Coarse file system clocks could give the edit the old time stamp; the size may differ or not.
        File.SetLastWriteTimeUtc(path, before.AddSeconds(2));
    }

    /// <summary>A cold build of the site as it is now, into a fresh folder, with no cache: what every build must equal.</summary>
    public string ColdBuild()
    {
        var copy = Path.Combine(Root + "-cold", Guid.NewGuid().ToString("N"));
        CopyFolder(PathOf("input"), Path.Combine(copy, "input"));
        File.Copy(PathOf("digest.yml"), Path.Combine(copy, "digest.yml"));
        if (Directory.Exists(PathOf("theme")))
        {
            CopyFolder(PathOf("theme"), Path.Combine(copy, "theme"));
        }

        var result = SiteBuilder.Build(Options(useCache: false) with { SiteDirectory = copy });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return Path.Combine(copy, "output");
    }

    /// <summary>Asserts two output folders hold the same files with the same bytes.</summary>
    public static void AssertSameOutput(string expected, string actual)
    {
        var expectedFiles = Files(expected);
        Assert.Equal(expectedFiles, Files(actual));
        foreach (var file in expectedFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs from a cold build");
        }
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Root, Root + "-cold" })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Digest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run inside a clone of the repository, which holds Digest.sln.");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
