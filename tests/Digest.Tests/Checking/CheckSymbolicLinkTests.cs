using Digest.Checking;

namespace Digest.Tests.Checking;

/// <summary>
/// Issue 15, point 5: <c>digest check</c> does not follow a folder link that loops back in the built site (DG4302), and
/// reports a symbolic link that leads nowhere (DG4301): the published site would lack that file.
/// </summary>
public sealed class CheckSymbolicLinkTests
{
    [Fact]
    public void ALoopIsNotFollowedAndADanglingLinkIsAFinding()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            title: Links
            base_url: https://links.example/
            -- input/articles/kept.md --
            ---
            title: Kept
            date: 2026-11-03T09:15:00+04:00
            ---
            Body.
            """);
        site.BuildOk();
        Directory.CreateSymbolicLink(Path.Combine(site.OutputDirectory, "tags", "again"), "..");
        File.CreateSymbolicLink(Path.Combine(site.OutputDirectory, "gone.html"), Path.Combine(site.OutputDirectory, "nowhere.html"));

        var result = SiteChecker.Check(site.OutputDirectory, new Uri("https://links.example/"));

        Assert.Equal(["gone.html: error DG4301", "tags/again: error DG4302"],
            result.Diagnostics.Select(d => d.ToString()).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
    }
}
