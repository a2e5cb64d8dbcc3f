
namespace Digest.Tests.Cli;

/// <summary>Issue 15, point 7: <c>digest preview --host</c> beyond loopback says that the preview is reachable from the network.</summary>
public sealed class PreviewCommandTests
{
    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("127.0.0.1", false)]
    public void AHostBeyondLoopbackIsWarnedOfBeforeAnythingElse(string host, bool warned)
    {
        using var temp = new TempFolder();

        // A site that does not exist: the command stops before it listens, after the warning.
        var (exitCode, _, stderr) = DigestCommand.Run("preview", "--host", host, "--port", "0", "--site", temp.Combine("missing"));

        Assert.Equal(2, exitCode);
        Assert.Equal(warned, stderr.StartsWith($"--host: warning DG9402: --host {host} makes the preview reachable from the network", StringComparison.Ordinal));
        Assert.Contains("error DG9003", stderr, StringComparison.Ordinal);
    }
}
