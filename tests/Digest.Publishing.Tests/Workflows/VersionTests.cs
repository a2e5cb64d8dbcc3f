using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Digest.Publishing.Tests.Workflows;

/// <summary>
/// Issue 16: the version comes from the git tag <c>vX.Y.Z</c> and nowhere else (MinVer). Builds from a copy of the
/// sources: tagged, a commit after the tag, and no git at all (a source archive), which must still build.
/// </summary>
public sealed partial class VersionTests
{
    [Fact]
    public async Task DigestVersionPrintsTheVersionTheBuildWasGiven()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Digest.Cli.dll");
        // The product version of a .NET assembly is its informational version.
        var informational = FileVersionInfo.GetVersionInfo(tool).ProductVersion!;

        var (exit, output, error) = await ProcessRunner.RunAsync(AppContext.BaseDirectory, "dotnet", [tool, "--version"]);

        Assert.True(exit == 0, error);
        Assert.Equal(informational, output.Trim());
        var package = informational.Split('+')[0];
        Assert.Matches(SemVer(), package);
        Assert.Equal("Digest " + package, DigestVersion.Generator);
    }

    [Fact]
    public async Task ATaggedCommitBuildsAndPacksItsVersionAndTheNextCommitIsAPreReleaseOfTheNextPatch()
    {
        using var temp = new TempFolder();
        var sources = CopySources(temp.Combine("repo"));
        await GitAsync(sources, "init", "--quiet");
        await GitAsync(sources, "add", "-A");
        await GitAsync(sources, "commit", "--quiet", "-m", "sources");
        await GitAsync(sources, "tag", "v9.8.7");

        // The portable package only: the native one takes minutes and is versioned by the same property.
        var (exit, output, error) = await ProcessRunner.RunAsync(sources, "dotnet",
            ["pack", Path.Combine("src", "Digest.Cli"), "-c", "Release", "-o", "feed", "-p:CanPackNative=false", "-nologo"]);
        Assert.True(exit == 0, $"dotnet pack failed:\n{output}\n{error}");
        Assert.Equal(
            ["Digest.Tool.9.8.7.nupkg", "Digest.Tool.any.9.8.7.nupkg"],
            Directory.EnumerateFiles(Path.Combine(sources, "feed")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var built = Directory.EnumerateFiles(Path.Combine(sources, "src", "Digest.Cli", "bin", "Release"), "Digest.Cli.dll", SearchOption.AllDirectories).First();
        var (_, version, _) = await ProcessRunner.RunAsync(sources, "dotnet", [built, "--version"]);
        Assert.StartsWith("9.8.7+", version, StringComparison.Ordinal);

        await GitAsync(sources, "commit", "--quiet", "--allow-empty", "-m", "after the release");
        Assert.Equal("9.8.8-alpha.0.1", await PackageVersionAsync(sources));
    }

    [Fact]
    public async Task SourcesWithoutGitHistoryAreVersionZeroWithAWarningNotAnError()
    {
        using var temp = new TempFolder();
        var sources = CopySources(temp.Combine("archive"));

        // With every MSBuild warning an error (as a stricter CI may run it), MinVer's warning must stay a warning.
        var (exit, output, error) = await ProcessRunner.RunAsync(sources, "dotnet",
            ["msbuild", Path.Combine("src", "Digest.Cli"), "-restore", "-t:MinVer", "-p:MSBuildTreatWarningsAsErrors=true", "-getProperty:PackageVersion", "-nologo"]);

        Assert.True(exit == 0, $"dotnet msbuild failed:\n{output}\n{error}");
        Assert.Equal("0.0.0-alpha.0", output.Trim());
    }

    /// <summary>The package version MinVer gives the tool in <paramref name="sources"/>, without building it.</summary>
    private static async Task<string> PackageVersionAsync(string sources)
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(sources, "dotnet",
            ["msbuild", Path.Combine("src", "Digest.Cli"), "-restore", "-t:MinVer", "-getProperty:PackageVersion", "-nologo"]);
        Assert.True(exit == 0, $"dotnet msbuild failed:\n{output}\n{error}");
        return output.Trim();
    }

    /// <summary>What building the tool needs, as a clone has it: the sources and the build settings, no build output.</summary>
    private static string CopySources(string target)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            Directory.CreateDirectory(target);
            File.Copy(Repository.File(file), Path.Combine(target, file));
        }

        var src = Repository.File("src");
        foreach (var file in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            var copy = Path.Combine(target, "src", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static async Task GitAsync(string repository, params string[] arguments)
    {
        var (exit, _, error) = await ProcessRunner.RunAsync(repository, "git",
            ["-c", "user.name=Digest tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", .. arguments]);
        Assert.True(exit == 0, $"git {string.Join(' ', arguments)} failed: {error}");
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
