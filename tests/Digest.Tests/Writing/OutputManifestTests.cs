using Digest.Writing;

namespace Digest.Tests.Writing;

/// <summary>The manifest's name as Digest.Testing knows it, which cannot see the engine's internal constant.</summary>
public sealed class OutputManifestTests
{
    [Fact]
    public void TheSharedTestSupportKnowsTheManifestByItsName() => Assert.Equal(OutputManifest.FileName, GoldenFolder.ManifestFileName);
}
