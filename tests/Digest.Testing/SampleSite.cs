namespace Digest.Testing;

/// <summary>
/// The repository's sample digest built once with its own settings, shared by the tests that only read it. A test
/// project shares it through a collection fixture, which xunit wants declared in the test assembly.
/// </summary>
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
