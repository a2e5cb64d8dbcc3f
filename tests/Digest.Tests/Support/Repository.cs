namespace Digest.Tests.Support;

/// <summary>Folders of the repository the tests run from, found by walking up to Digest.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>Set <c>DIGEST_BLESS=1</c> to rewrite expectations from what the build makes now.</summary>
    public static bool Bless => Environment.GetEnvironmentVariable("DIGEST_BLESS") == "1";

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
            if (File.Exists(Path.Combine(folder.FullName, "Digest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Digest.sln above {AppContext.BaseDirectory}.");
    }
}
