using Digest.Build;

namespace Digest.Publishing.Tests;

/// <summary>This repository's files (the sample digest, the theme, the workflow, README) and builds of its sample digest.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Builds the sample digest (a copy of digest.yml and input/) into <paramref name="output"/>.</summary>
    public static BuildResult BuildSample(string output, string baseUrl) =>
        SiteBuilder.Build(new BuildOptions
        {
            SiteDirectory = Root,
            OutputDirectory = output,
            BaseUrl = baseUrl,
            StrictVariables = true,
            // The sample's dates are fixed; a fixed clock keeps every article in, whenever the tests run.
            Clock = new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        });

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Digest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Digest.sln not found above " + AppContext.BaseDirectory);
    }
}
