using Digest.Scaffolding;
using YamlDotNet.RepresentationModel;

namespace Digest.Publishing.Tests;

/// <summary>Issue 4: the GitHub Pages workflow of this repository (and of every site made by digest init).</summary>
public sealed class WorkflowTests
{
    private const string WorkflowPath = ".github/workflows/pages.yml";

    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Repository.File(WorkflowPath))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] keys) => ((YamlScalarNode)At(node, keys)).Value!;

    private static List<YamlMappingNode> Steps(YamlNode workflow, string job) =>
        [.. ((YamlSequenceNode)At(workflow, "jobs", job, "steps")).Children.Cast<YamlMappingNode>()];

    private static YamlMappingNode Step(YamlNode workflow, string job, string action) =>
        Steps(workflow, job).Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && ((YamlScalarNode)uses).Value == action);

    [Fact]
    public void ItRunsOnPushByHandAndDaily()
    {
        var on = (YamlMappingNode)At(Workflow(), "on");
        Assert.Contains(new YamlScalarNode("workflow_dispatch"), on.Children.Keys);
        var schedule = (YamlSequenceNode)At(on, "schedule");
        var cron = Text(Assert.Single(schedule.Children), "cron").Split(' ');
        // Minute and hour fixed, every day of every month, any weekday: once a day.
        Assert.Equal(["*", "*", "*"], cron[2..]);
        Assert.All(cron[..2], field => Assert.True(int.TryParse(field, out _)));
    }

    [Fact]
    public void ItHasExactlyThePermissionsPagesNeeds()
    {
        var permissions = (YamlMappingNode)At(Workflow(), "permissions");
        Assert.Equal(
            ["contents=read", "id-token=write", "pages=write"],
            permissions.Children.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ADeploymentInProgressIsNeverCancelled()
    {
        var workflow = Workflow();
        Assert.Equal("pages", Text(workflow, "concurrency", "group"));
        Assert.Equal("false", Text(workflow, "concurrency", "cancel-in-progress"));
    }

    [Fact]
    public void ItBuildsWithTheBaseUrlOfConfigurePagesAndUploadsHiddenFiles()
    {
        var workflow = Workflow();
        var configure = Step(workflow, "build", "actions/configure-pages@v6");
        var id = Text(configure, "id");
        Assert.Equal("10.0.x", Text(Step(workflow, "build", "actions/setup-dotnet@v5"), "with", "dotnet-version"));

        var build = BuildCommand(workflow);
        Assert.Contains($"--base-url \"${{{{ steps.{id}.outputs.base_url }}}}\"", build, StringComparison.Ordinal);

        var upload = Step(workflow, "build", "actions/upload-pages-artifact@v5");
        Assert.Equal("true", Text(upload, "with", "include-hidden-files"));
        Assert.Equal("output", Text(upload, "with", "path"));

        Step(workflow, "deploy", "actions/deploy-pages@v5");
        Assert.Equal("build", Text(workflow, "jobs", "deploy", "needs"));
        Assert.Equal("github-pages", Text(workflow, "jobs", "deploy", "environment", "name"));
    }

    [Fact]
    public void TheBuildCommandIsTheOneReadmeDocuments()
    {
        var readme = File.ReadAllLines(Repository.File("README.md"));
        Assert.Contains(BuildCommand(Workflow()), readme);
    }

    [Fact]
    public void InitWritesTheSameWorkflow()
    {
        var scaffolded = SiteScaffold.Files(new DateOnly(2026, 1, 1)).Single(f => f.Path == WorkflowPath).Content;
        Assert.Equal(File.ReadAllText(Repository.File(WorkflowPath)), scaffolded);
    }

    private static string BuildCommand(YamlNode workflow) =>
        Steps(workflow, "build")
            .Where(s => s.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(s => Text(s, "run").Trim())
            .Single(run => run.StartsWith("digest build", StringComparison.Ordinal));
}
