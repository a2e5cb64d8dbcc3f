using System.Text.Json.Nodes;
using Digest.Scaffolding;
using YamlDotNet.RepresentationModel;

namespace Digest.Publishing.Tests.Workflows;

/// <summary>
/// Issues 4 and 16: the GitHub Pages workflows. Two files by design: the one <c>digest init</c> writes into a user's
/// site (the tool version its manifest pins, restored and cached), and this repository's own (its sample digest, built
/// with the code of the commit). Both publish the same way.
/// </summary>
public sealed class WorkflowTests
{
    private const string WorkflowPath = ".github/workflows/pages.yml";
    private const string BaseUrl = "--base-url \"${{ steps.pages.outputs.base_url }}\"";

    public static TheoryData<string> Workflows => ["user", "repository"];

    /// <summary>The text of the user's workflow (as init writes it) or of this repository's.</summary>
    private static string Source(string which) => which == "user"
        ? SiteScaffold.Files(new DateOnly(2026, 1, 1), "1.0.0").Single(f => f.Path == WorkflowPath).Content
        : File.ReadAllText(Repository.File(WorkflowPath));

    private static YamlMappingNode Workflow(string which)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Source(which)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] keys) => ((YamlScalarNode)At(node, keys)).Value!;

    private static List<YamlMappingNode> Steps(YamlNode workflow, string job) =>
        [.. ((YamlSequenceNode)At(workflow, "jobs", job, "steps")).Children.Cast<YamlMappingNode>()];

    private static YamlMappingNode Step(YamlNode workflow, string job, string action) =>
        Steps(workflow, job).Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && ((YamlScalarNode)uses).Value == action);

    private static List<string> Runs(YamlNode workflow) =>
        [.. Steps(workflow, "build").Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))).Select(s => Text(s, "run").Trim())];

    private static int IndexOf(YamlNode workflow, Func<YamlMappingNode, bool> step) => Steps(workflow, "build").FindIndex(s => step(s));

    [Theory]
    [MemberData(nameof(Workflows))]
    public void ItRunsOnPushByHandAndDaily(string which)
    {
        var on = (YamlMappingNode)At(Workflow(which), "on");
        Assert.Contains(new YamlScalarNode("workflow_dispatch"), on.Children.Keys);
        var schedule = (YamlSequenceNode)At(on, "schedule");
        var cron = Text(Assert.Single(schedule.Children), "cron").Split(' ');
        // Minute and hour fixed, every day of every month, any weekday: once a day.
        Assert.Equal(["*", "*", "*"], cron[2..]);
        Assert.All(cron[..2], field => Assert.True(int.TryParse(field, out _)));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void ItHasExactlyThePermissionsPagesNeeds(string which)
    {
        var permissions = (YamlMappingNode)At(Workflow(which), "permissions");
        Assert.Equal(
            ["contents=read", "id-token=write", "pages=write"],
            permissions.Children.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void ADeploymentInProgressIsNeverCancelled(string which)
    {
        var workflow = Workflow(which);
        Assert.Equal("pages", Text(workflow, "concurrency", "group"));
        Assert.Equal("false", Text(workflow, "concurrency", "cancel-in-progress"));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void ItBuildsWithTheBaseUrlOfConfigurePagesAndUploadsHiddenFiles(string which)
    {
        var workflow = Workflow(which);
        Assert.Equal("pages", Text(Step(workflow, "build", "actions/configure-pages@v6"), "id"));
        Assert.Equal("10.0.x", Text(Step(workflow, "build", "actions/setup-dotnet@v5"), "with", "dotnet-version"));
        Assert.Equal(0, IndexOf(workflow, s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && uses.ToString() == "actions/checkout@v6"));

        var build = Assert.Single(Runs(workflow), run => run.Contains(" build --check ", StringComparison.Ordinal));
        Assert.EndsWith(BaseUrl, build, StringComparison.Ordinal);
        Assert.True(
            IndexOf(workflow, s => s.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id.ToString() == "pages") < IndexOf(workflow, s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run.ToString() == build),
            "configure-pages runs before the build that uses its base_url");

        var upload = Step(workflow, "build", "actions/upload-pages-artifact@v5");
        Assert.Equal("true", Text(upload, "with", "include-hidden-files"));
        Assert.Equal("output", Text(upload, "with", "path"));

        Step(workflow, "deploy", "actions/deploy-pages@v5");
        Assert.Equal("build", Text(workflow, "jobs", "deploy", "needs"));
        Assert.Equal("github-pages", Text(workflow, "jobs", "deploy", "environment", "name"));
    }

    [Fact]
    public void TheUsersWorkflowRestoresThePinnedToolFromACacheKeyedByTheManifest()
    {
        var workflow = Workflow("user");
        var cache = Step(workflow, "build", "actions/cache@v6");
        Assert.Equal("~/.nuget/packages", Text(cache, "with", "path"));
        Assert.Contains("${{ hashFiles('.config/dotnet-tools.json') }}", Text(cache, "with", "key"), StringComparison.Ordinal);

        Assert.Equal(["dotnet tool restore", PagefindInstall, $"dotnet tool run digest build --check {BaseUrl}"], Runs(workflow));
        Assert.True(
            IndexOf(workflow, s => s == cache) < IndexOf(workflow, s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run.ToString() == "dotnet tool restore"),
            "the cache is restored before the tool");
        // Never an unpinned install of whatever version NuGet has that day.
        Assert.DoesNotContain("tool install", Source("user"), StringComparison.Ordinal);
    }

    /// <summary>Issue 20: the Pagefind the tests use, into the site's node_modules/, where digest looks for it.</summary>
    private static string PagefindInstall =>
        "npm install --prefix . --no-save --no-package-lock --no-audit --no-fund pagefind@"
        + JsonNode.Parse(File.ReadAllText(Repository.File("package.json")))!["devDependencies"]!["pagefind"]!.GetValue<string>();

    [Fact]
    public void TheUsersWorkflowInstallsThePagefindTheTestsUseWithNodeBeforeTheBuild()
    {
        var workflow = Workflow("user");
        Assert.Equal("22", Text(Step(workflow, "build", "actions/setup-node@v6"), "with", "node-version"));
        Assert.True(
            IndexOf(workflow, s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run.ToString() == PagefindInstall)
                < IndexOf(workflow, s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run.ToString().Contains(" build --check ", StringComparison.Ordinal)),
            "Pagefind is installed before the build that runs it");
    }

    [Fact]
    public void TheRepositorysWorkflowPublishesTheSampleWithThisCommitsCode()
    {
        var workflow = Workflow("repository");
        Assert.Equal([$"dotnet run -c Release --project src/Digest.Cli -- build --check {BaseUrl}"], Runs(workflow));
        Assert.DoesNotContain("dotnet pack", Source("repository"), StringComparison.Ordinal);
        Assert.DoesNotContain("tool install", Source("repository"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheUsersBuildCommandIsTheOneReadmeDocuments()
    {
        var readme = File.ReadAllLines(Repository.File("README.md"));
        Assert.Contains(Runs(Workflow("user"))[^1], readme);
    }
}
