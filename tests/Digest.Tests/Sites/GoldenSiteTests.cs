
namespace Digest.Tests.Sites;

/// <summary>
/// Each site under tests/fixtures/sites/ and the repository's own sample digest, built and compared file by
/// file with its expected output. <c>DIGEST_BLESS=1 dotnet test</c> rewrites the expectations.
/// </summary>
[Collection(SampleSiteGroup.Name)]
public sealed class GoldenSiteTests(SampleSite sample)
{
    public static TheoryData<string> Sites => Repository.CasesIn("sites");

    [Theory]
    [MemberData(nameof(Sites))]
    public void FixtureSiteBuildsToItsExpectedOutput(string site)
    {
        var siteDirectory = Path.Combine(Repository.Fixtures, "sites", site);
        using var output = new TempFolder();
        TestBuild.Succeed(siteDirectory, output.Combine("site"));

        GoldenFolder.AssertMatches(Path.Combine(siteDirectory, "expected"), output.Combine("site"));
    }

    [Fact]
    public void SampleDigestBuildsToItsExpectedOutput() =>
        GoldenFolder.AssertMatches(Path.Combine(Repository.Fixtures, "sample-expected"), sample.Output);

    [Fact]
    public void SampleOutputHoldsNoMachinePaths()
    {
        foreach (var file in GoldenFolder.Files(sample.Output))
        {
            var text = File.ReadAllText(Path.Combine(sample.Output, file));
            Assert.DoesNotContain(Repository.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        }
    }
}
