namespace Digest.Testing;

/// <summary>Every file of a folder with its bytes and last write time, to prove a failed build touched nothing.</summary>
public sealed record FolderSnapshot(IReadOnlyList<(string Path, string Sha, DateTime WrittenUtc)> Files, IReadOnlyList<string> Folders)
{
    public static FolderSnapshot Take(string folder) => new(
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
                File.GetLastWriteTimeUtc(f)))],
        [.. Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(folder, d)).Order(StringComparer.Ordinal)]);

    /// <summary>Sets every file's timestamp to one long ago, so that any rewrite shows even on coarse file systems.</summary>
    public static void Age(string folder)
    {
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, longAgo);
        }
    }

    public void AssertSame(FolderSnapshot after)
    {
        Assert.Equal(Folders, after.Folders);
        Assert.Equal(Files.Select(f => f.Path), after.Files.Select(f => f.Path));
        Assert.Equal(Files, after.Files);
    }
}
