namespace Digest.Tests;

/// <summary>Test classes in this collection share one build of the sample digest.</summary>
[CollectionDefinition(Name)]
public sealed class SampleSiteGroup : ICollectionFixture<SampleSite>
{
    public const string Name = "sample digest";
}
