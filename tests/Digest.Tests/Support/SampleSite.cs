namespace Digest.Tests.Support;

/// <summary>The repository's sample digest built once with its own settings, shared by the tests that only read it.</summary>
public sealed class SampleSite : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleSite()
    {
        Output = _folder.Combine("sample");
        TestBuild.Succeed(Repository.Root, Output);
    }

    public string Output { get; }

    public string TempPath(string name) => _folder.Combine(name);

    public void Dispose() => _folder.Dispose();
}

/// <summary>Test classes in this collection share one build of the sample digest.</summary>
[CollectionDefinition(Name)]
public sealed class SampleSiteGroup : ICollectionFixture<SampleSite>
{
    public const string Name = "sample digest";
}
