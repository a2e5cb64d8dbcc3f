namespace Digest.Publishing.Tests.Workflows;

/// <summary>
/// Digest packed as users get it from NuGet (<c>dotnet pack src/Digest.Cli -c Release</c>: the pointer package and its
/// per-platform packages, the native one where this machine can link it) into a folder used as a package feed. Packing
/// compiles the tool ahead of time and takes minutes, so it is done once for a test class.
/// </summary>
public sealed class PackedToolFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();

    public string Feed => _temp.Combine("feed");

    public async Task InitializeAsync()
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(
            Repository.Root, "dotnet", ["pack", Path.Combine("src", "Digest.Cli"), "-c", "Release", "-o", Feed, "-nologo"]);
        Assert.True(exit == 0, $"dotnet pack failed:\n{output}\n{error}");
        Assert.Contains(Directory.EnumerateFiles(Feed), f => Path.GetFileName(f).StartsWith("Digest.Tool.any.", StringComparison.Ordinal));
    }

    // The feed is deleted by Dispose, which xunit calls after this.
    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();
}
