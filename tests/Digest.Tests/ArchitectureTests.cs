using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Digest.Build;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace Digest.Tests;

/// <summary>
/// Each folder of the engine is one stage or one service of the pipeline (docs/architecture.md), and the folders import
/// each other in one direction only: read from the compiled engine, so a type named in a method body counts too.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Architecture Engine = new ArchLoader().LoadAssemblies(typeof(SiteBuilder).Assembly).Build();

    [Fact]
    public void NoFolderOfTheEngineDependsOnAnotherThatDependsOnItBack() =>
        Slices().Matching("Digest.(*)").Should().BeFreeOfCycles().Check(Engine);
}
