using Digest.Build;

namespace Digest.Build.Tests.Incremental;

/// <summary>In a site of several languages, a later build links editions as a cold build does (hreflang between them).</summary>
public sealed class LanguageEditionTests : IDisposable
{
    private const string RussianArticle = "input/articles/ru/yerevan-heating-season.md";

    private readonly TestSite _site = TestSite.CopyOfSample(withTheme: false);

    public void Dispose() => _site.Dispose();

    private string OutputText(string path) => File.ReadAllText(Path.Combine(_site.Output, path));

    [Fact]
    public void ATagThatNowExistsInAnotherEditionIsLinkedFromThisOnesPage()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();
        Assert.DoesNotContain("/ru/tags/sevan/", OutputText("tags/sevan/index.html"), StringComparison.Ordinal);

        _site.Edit(RussianArticle, text => text.Replace("tags: [Ереван, энергетика, погода]", "tags: [Ереван, энергетика, погода, Sevan]", StringComparison.Ordinal));
        var result = session.Build([RussianArticle]);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("hreflang=\"ru\" href=\"https://example.github.io/digest/ru/tags/sevan/\"", OutputText("tags/sevan/index.html"), StringComparison.Ordinal);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void AnEditionThatLosesItsOnlyArticleOfADayIsNoLongerLinkedFromTheOthersEditionOfThatDay()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();
        Assert.Contains("hreflang=\"ru\" href=\"https://example.github.io/digest/ru/2026/11/10/\"", OutputText("2026/11/10/index.html"), StringComparison.Ordinal);

        File.Delete(_site.FullPath(RussianArticle));
        var result = session.Build([RussianArticle]);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain("/ru/2026/11/10/", OutputText("2026/11/10/index.html"), StringComparison.Ordinal);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }
}
