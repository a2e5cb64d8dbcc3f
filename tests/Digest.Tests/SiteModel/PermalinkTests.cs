using Digest.Configuration;

namespace Digest.Tests.SiteModel;

public sealed class PermalinkTests
{
    [Theory]
    [InlineData("/{year}/{month}/{day}/{slug}/")]
    [InlineData("/{slug}/")]
    [InlineData("/news/{year}/{filename}/")]
    public void AcceptsPatternsThatGiveEveryArticleItsOwnFolder(string pattern) => Assert.Null(Permalinks.Validate(pattern));

    [Theory]
    [InlineData("{year}/{slug}/")]
    [InlineData("/{year}/{slug}")]
    [InlineData("/{year}/{month}/")]
    [InlineData("/{year}/{title}/{slug}/")]
    [InlineData("/{slug}/../")]
    [InlineData("/{slug}/}/")]
    [InlineData("")]
    public void RejectsUnusablePatterns(string pattern) => Assert.NotNull(Permalinks.Validate(pattern));

    [Fact]
    public void ExpandsEveryToken() => Assert.Equal("/2026/03/07/rail/file/",
        Permalinks.Expand("/{year}/{month}/{day}/{slug}/{filename}/", new DateTimeOffset(2026, 3, 7, 23, 0, 0, TimeSpan.FromHours(4)), "rail", "file"));
}
