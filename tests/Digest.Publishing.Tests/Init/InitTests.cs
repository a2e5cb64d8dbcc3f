using System.Text.Json.Nodes;
using Digest.Build;
using Digest.Checking;
using Digest.Diagnostics;
using Digest.Scaffolding;

namespace Digest.Publishing.Tests.Init;

/// <summary>
/// Issues 4 and 16: <c>digest init</c> makes a site that builds at once, pins the tool's version in a tool manifest,
/// adds to the files of an existing clone, and never overwrites a file with other content.
/// </summary>
public sealed class InitTests
{
    private const string Version = "1.2.3";
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public async Task ANewSiteBuildsAndPassesTheCheck()
    {
        using var temp = new TempFolder();
        var site = temp.Combine("my-digest");
        var result = await SiteScaffold.CreateAsync(site, Today, Version);
        Assert.Empty(result.Diagnostics);

        string[] files = [".config/dotnet-tools.json", ".github/workflows/pages.yml", ".gitignore", "digest.yml", "input/articles/welcome.md", "theme/README.md"];
        Assert.Equal(files, Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(files.Select(f => "created " + f), result.Files.Select(f => f.ToString()));
        Assert.Contains("output/", File.ReadAllLines(Path.Combine(site, ".gitignore")));
        Assert.Contains(".digest-cache/", File.ReadAllLines(Path.Combine(site, ".gitignore")));

        var build = SiteBuilder.Build(new BuildOptions
        {
            SiteDirectory = site,
            StrictVariables = true,
            Clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)),
        });
        Assert.Empty(build.Diagnostics);
        var article = File.ReadAllText(Path.Combine(site, "output/2026/11/27/welcome-to-your-digest/index.html"));
        Assert.Contains("Welcome to your digest", article, StringComparison.Ordinal);
        Assert.Empty(SiteChecker.Check(Path.Combine(site, "output"), new Uri("http://localhost/")).Diagnostics);
    }

    [Fact]
    public async Task TheToolManifestPinsTheRunningVersionLikeDotnetToolInstall()
    {
        using var temp = new TempFolder();
        await SiteScaffold.CreateAsync(temp.Path, Today, Version);

        Assert.Equal(
            """
            {
              "version": 1,
              "isRoot": true,
              "tools": {
                "digest.tool": {
                  "version": "1.2.3",
                  "commands": [
                    "digest"
                  ],
                  "rollForward": false
                }
              }
            }

            """,
            File.ReadAllText(temp.Combine(".config", "dotnet-tools.json")));
    }

    [Theory]
    [InlineData("0.1.0", "0.1.0")]
    [InlineData("0.1.0+46e1f34969ca305a96008f1ac5fd6abf40a79ef7", "0.1.0")]
    [InlineData("1.0.0-alpha.0.12+46e1f34", "1.0.0-alpha.0.12")]
    public void ThePackageVersionIsTheInformationalVersionWithoutTheCommit(string informational, string package) =>
        Assert.Equal(package, DigestVersion.PackageVersion(informational));

    [Fact]
    public async Task InitTwiceKeepsEverythingAndSaysSo()
    {
        using var temp = new TempFolder();
        await SiteScaffold.CreateAsync(temp.Path, Today, Version);

        var again = await SiteScaffold.CreateAsync(temp.Path, Today, "2.0.0");

        Assert.Empty(again.Diagnostics);
        Assert.All(again.Files, f => Assert.Equal(FileChange.Kept, f.Change));
        Assert.Equal(
            "kept .config/dotnet-tools.json: digest.tool is in it already (version 1.2.3); `dotnet tool update digest.tool` updates it",
            again.Files[0].ToString());
    }

    [Fact]
    public async Task InAnExistingCloneItAddsWhatIsMissingAndKeepsEverythingElse()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine(".git"));
        File.WriteAllText(temp.Combine("README.md"), "# My news\n");
        File.WriteAllText(temp.Combine(".gitignore"), "bin/\r\n/output\r\n*.swp");
        Directory.CreateDirectory(temp.Combine(".config"));
        File.WriteAllText(temp.Combine(".config", "dotnet-tools.json"), """{ "version": 1, "isRoot": true, "tools": { "dotnet-ef": { "version": "9.0.0", "commands": ["dotnet-ef"], "rollForward": false } } }""");
        // A file init writes, already there with the same content: fine.
        var sameDigestYml = SiteScaffold.Files(Today, Version).Single(f => f.Path == "digest.yml").Content;
        File.WriteAllText(temp.Combine("digest.yml"), sameDigestYml);

        var result = await SiteScaffold.CreateAsync(temp.Path, Today, Version);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                "updated .config/dotnet-tools.json: added digest.tool 1.2.3",
                "created .github/workflows/pages.yml",
                "updated .gitignore: added .output.digest-staging/, .digest-cache/, node_modules/",
                "kept digest.yml: it is already the same",
                "created input/articles/welcome.md",
                "created theme/README.md",
            ],
            result.Files.Select(f => f.ToString()));
        Assert.Equal("# My news\n", File.ReadAllText(temp.Combine("README.md")));
        // Every line kept as it was, line ends included; '/output' already ignores output/.
        Assert.Equal(
            "bin/\r\n/output\r\n*.swp\r\n# Made by digest build and npm, never committed.\r\n.output.digest-staging/\r\n.digest-cache/\r\nnode_modules/\r\n",
            File.ReadAllText(temp.Combine(".gitignore")));
        var tools = JsonNode.Parse(File.ReadAllText(temp.Combine(".config", "dotnet-tools.json")))!["tools"]!.AsObject();
        Assert.Equal(["dotnet-ef", "digest.tool"], tools.Select(t => t.Key));
        Assert.Equal("9.0.0", (string?)tools["dotnet-ef"]!["version"]);
        Assert.Equal("1.2.3", (string?)tools["digest.tool"]!["version"]);
        Assert.False((bool)tools["digest.tool"]!["rollForward"]!);
    }

    [Fact]
    public async Task ADigestToolAlreadyInTheManifestIsLeftAsItIs()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine(".config"));
        const string Manifest = """{"version":1,"isRoot":true,"tools":{"Digest.Tool":{"version":"0.9.0","commands":["digest"],"rollForward":false}}}""";
        File.WriteAllText(temp.Combine(".config", "dotnet-tools.json"), Manifest);

        var result = await SiteScaffold.CreateAsync(temp.Path, Today, Version);

        Assert.Equal(
            "kept .config/dotnet-tools.json: digest.tool is in it already (version 0.9.0); `dotnet tool update digest.tool` updates it",
            result.Files[0].ToString());
        Assert.Equal(Manifest, File.ReadAllText(temp.Combine(".config", "dotnet-tools.json")));
    }

    [Fact]
    public async Task OneFileWithOtherContentIsEnoughToWriteNothingAtAll()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(".gitignore"), "bin/\n");
        // The same first two lines as init's digest.yml, then a line of its own.
        var firstLine = SiteScaffold.Files(Today, Version).Single(f => f.Path == "digest.yml").Content.Split('\n')[0];
        File.WriteAllText(temp.Combine("digest.yml"), firstLine + "\n\ntitle: Mine\n");

        var result = await SiteScaffold.CreateAsync(temp.Path, Today, Version);

        var problem = Assert.Single(result.Diagnostics);
        Assert.Empty(result.Files);
        Assert.Equal(DiagnosticCodes.WouldOverwrite, problem.Code);
        Assert.Equal(temp.Combine("digest.yml").Replace('\\', '/'), problem.Path);
        Assert.Equal(3, problem.Line);
        Assert.Equal([temp.Combine(".gitignore"), temp.Combine("digest.yml")], Directory.EnumerateFileSystemEntries(temp.Path).Order(StringComparer.Ordinal));
        Assert.Equal("bin/\n", File.ReadAllText(temp.Combine(".gitignore")));
        Assert.Equal(firstLine + "\n\ntitle: Mine\n", File.ReadAllText(temp.Combine("digest.yml")));
    }

    [Fact]
    public async Task AManifestThatIsNotJsonIsRefusedWithItsPosition()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine(".config"));
        File.WriteAllText(temp.Combine(".config", "dotnet-tools.json"), "{\n  \"tools\": [,\n");

        var result = await SiteScaffold.CreateAsync(temp.Path, Today, Version);

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.WouldOverwrite, problem.Code);
        Assert.Equal(2, problem.Line);
        Assert.Equal([temp.Combine(".config")], Directory.EnumerateFileSystemEntries(temp.Path));
    }
}
