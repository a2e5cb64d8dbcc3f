using Digest.Build;

namespace Digest.Testing;

/// <summary>Builds a site the way every test does: strict template variables and a fixed clock.</summary>
public static class TestBuild
{
    public static BuildOptions Options(string siteDirectory, string outputDirectory, string? baseUrl = null) => new()
    {
        SiteDirectory = siteDirectory,
        OutputDirectory = outputDirectory,
        BaseUrl = baseUrl,
        StrictVariables = true,
        Clock = FixedClock.Default,
    };

    public static BuildResult Run(string siteDirectory, string outputDirectory, string? baseUrl = null) =>
        SiteBuilder.Build(Options(siteDirectory, outputDirectory, baseUrl));

    /// <summary>Builds and fails the test, listing the diagnostics, unless the build succeeded.</summary>
    public static BuildResult Succeed(string siteDirectory, string outputDirectory, string? baseUrl = null)
    {
        var result = Run(siteDirectory, outputDirectory, baseUrl);
        Assert.True(result.Succeeded, "The build failed:\n" + string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>The diagnostics as the command line prints them.</summary>
    public static string[] Lines(BuildResult result) => [.. result.Diagnostics.Select(d => d.ToString())];
}
