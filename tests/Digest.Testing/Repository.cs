namespace Digest.Testing;

/// <summary>Folders of the repository the tests run from, found by walking up to Digest.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>Set <c>DIGEST_BLESS=1</c> to rewrite expectations from what the build makes now.</summary>
    public static bool Bless => Environment.GetEnvironmentVariable("DIGEST_BLESS") == "1";

    /// <summary>A file or folder of the repository (the sample digest, the theme, the workflows, README).</summary>
    public static string File(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>The sub-folder names of a fixture folder, sorted, as theory data.</summary>
    public static TheoryData<string> CasesIn(params string[] relativeFolder)
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine([Fixtures, .. relativeFolder])).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Digest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"The tests run inside a clone of the repository, but no Digest.sln is above {AppContext.BaseDirectory}.");
    }
}
