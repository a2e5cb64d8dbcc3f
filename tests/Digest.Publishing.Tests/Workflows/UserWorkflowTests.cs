using YamlDotNet.RepresentationModel;

namespace Digest.Publishing.Tests.Workflows;

/// <summary>
/// Issue 16: a site made by <c>digest init</c> publishes with the workflow init wrote. Its <c>run:</c> steps are run in
/// order with bash in the new site's folder, as GitHub's runner runs them, against a feed holding only the packed tool
/// (no nuget.org, and a packages folder of its own, so nothing comes from an earlier restore on this machine).
/// </summary>
public sealed class UserWorkflowTests(PackedToolFixture tool) : IClassFixture<PackedToolFixture>
{
    private const string BaseUrl = "https://user.github.io/site/";
    private const string BaseUrlExpression = "${{ steps.pages.outputs.base_url }}";

    [Fact]
    public async Task TheRunStepsOfTheWorkflowInitWritesRestoreThePinnedToolBuildAndCheckTheSite()
    {
        using var temp = new TempFolder();
        var site = temp.Combine("site");
        Directory.CreateDirectory(site);
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = temp.Combine("packages"),
            // A runner's fresh home: the SDK's tool resolver cache (~/.dotnet/toolResolverCache) outlives the packages
            // folder of an earlier run, and a stale entry there makes `dotnet tool run` fail after a good restore.
            ["DOTNET_CLI_HOME"] = temp.Combine("home"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // The temp folder may sit inside some repository on a developer's machine; git must not look above it.
            ["GIT_CEILING_DIRECTORIES"] = temp.Path,
        };

        var init = await ProcessRunner.RunAsync(site, "dotnet", [Path.Combine(AppContext.BaseDirectory, "Digest.Cli.dll"), "init"], environment);
        Assert.True(init.Exit == 0, init.Error);
        Assert.Contains("created .config/dotnet-tools.json", init.Output, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(site, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="digest" value="{tool.Feed}" />
              </packageSources>
            </configuration>
            """);

        // Search on, as one line of digest.yml turns it on: the workflow installs what it needs (issue 20).
        File.WriteAllText(Path.Combine(site, "digest.yml"), File.ReadAllText(Path.Combine(site, "digest.yml")).Replace("search: false", "search: true", StringComparison.Ordinal));
        var runs = RunSteps(File.ReadAllText(Path.Combine(site, ".github/workflows/pages.yml")));
        Assert.Equal(3, runs.Count);
        foreach (var run in runs)
        {
            var script = run.Replace(BaseUrlExpression, BaseUrl.TrimEnd('/'), StringComparison.Ordinal);
            Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
            // What GitHub's runner runs a step with (shell: bash).
            var (exit, output, error) = await ProcessRunner.RunAsync(site, "bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], environment);
            Assert.True(exit == 0, $"step '{script}' failed ({exit}):\n{output}\n{error}");
        }

        Assert.True(File.Exists(Path.Combine(site, "output", "index.html")));
        Assert.True(File.Exists(Path.Combine(site, "output", ".nojekyll")));
        Assert.True(File.Exists(Path.Combine(site, "output", "pagefind", "pagefind-ui.js")));
        Assert.Contains("action=\"/site/search/\"", File.ReadAllText(Path.Combine(site, "output", "index.html")), StringComparison.Ordinal);
        Assert.Contains("https://user.github.io/site/", File.ReadAllText(Path.Combine(site, "output", "sitemap.xml")), StringComparison.Ordinal);
        var check = await ProcessRunner.RunAsync(site, "dotnet", ["tool", "run", "digest", "check", "--base-url", BaseUrl], environment);
        Assert.True(check.Exit == 0, $"{check.Output}\n{check.Error}");

        // The way README gives to update the tool works on this manifest (here it is already the newest). A build from an
        // untagged commit is a pre-release (0.0.0-alpha.0.N), which the SDK only updates to when asked, as README says.
        string[] update = DigestVersion.Version.Contains('-', StringComparison.Ordinal)
            ? ["tool", "update", "digest.tool", "--prerelease"]
            : ["tool", "update", "digest.tool"];
        var updated = await ProcessRunner.RunAsync(site, "dotnet", update, environment);
        Assert.True(updated.Exit == 0, $"{updated.Output}\n{updated.Error}");
    }

    /// <summary>The <c>run:</c> scripts of the build job, in order.</summary>
    private static List<string> RunSteps(string workflow)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(workflow));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("build")]).Children[new YamlScalarNode("steps")];
        return [.. steps.Children.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(s => ((YamlScalarNode)s.Children[new YamlScalarNode("run")]).Value!)];
    }
}
