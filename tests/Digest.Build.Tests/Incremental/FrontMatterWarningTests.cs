namespace Digest.Build.Tests.Incremental;

/// <summary>
/// Issue 19: what a file's front matter is warned about (DG1201) is said by every build, also one that takes the article
/// from the cache or the session instead of parsing it, and stops being said once the file or digest.yml is fixed.
/// </summary>
public sealed class FrontMatterWarningTests : IDisposable
{
    private const string Story = "input/articles/story.md";
    private const string Wire = "input/articles/wire/_directory.yml";
    private const string TypoInStory = "input/articles/story.md:4:1: warning DG1201: unknown front-matter key 'sumary'. Did you mean 'summary'?";
    private const string TypoInWire = "input/articles/wire/_directory.yml:1:1: warning DG1201: unknown front-matter key 'sorce'. Did you mean 'source'?";

    private readonly TestSite _site = TestSite.FromFiles(
        ("digest.yml", "title: Typos\nbase_url: https://typos.example/\n"),
        (Story, "---\ntitle: Rail link reopens\ndate: 2026-11-03T09:15:00+04:00\nsumary: Trains run again.\n---\nText.\n"),
        (Wire, "sorce: Caucasus Wire\n"),
        ("input/articles/wire/one.md", "---\ntitle: Wire story\ndate: 2026-11-04T09:15:00+04:00\n---\nText.\n"));

    public void Dispose() => _site.Dispose();

    [Fact]
    public void ANewProcessWithTheCacheReportsTheWarningsOfArticlesItDoesNotParseAgain()
    {
        var first = SiteBuilder.Build(_site.Options());
        var second = SiteBuilder.Build(_site.Options());

        Assert.Equal([TypoInStory, TypoInWire], TestBuild.Lines(first));
        Assert.Equal([TypoInStory, TypoInWire], TestBuild.Lines(second));
        Assert.True(second.Succeeded);
        Assert.Equal(0, second.Work.ArticlesParsed);

        _site.Edit(Story, text => text.Replace("sumary:", "summary:", StringComparison.Ordinal));
        var fixedStory = SiteBuilder.Build(_site.Options());
        Assert.Equal([TypoInWire], TestBuild.Lines(fixedStory));
        Assert.Equal(1, fixedStory.Work.ArticlesParsed);

        _site.Edit(Wire, text => text.Replace("sorce:", "source:", StringComparison.Ordinal));
        Assert.Empty(SiteBuilder.Build(_site.Options()).Diagnostics);
        var afterAll = SiteBuilder.Build(_site.Options());
        Assert.Empty(afterAll.Diagnostics);
        IncrementalBuildTests.AssertNothingBuilt(afterAll);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void ASessionReportsTheWarningsOnEveryRebuildAndDeclaringTheKeyClearsThem()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        Assert.Equal([TypoInStory, TypoInWire], TestBuild.Lines(session.Build()));

        _site.Edit("input/articles/wire/one.md", text => text + "\nA late addition.\n");
        var edited = session.Build();
        Assert.Equal([TypoInStory, TypoInWire], TestBuild.Lines(edited));
        Assert.Equal(1, edited.Work.ArticlesParsed);

        _site.Edit("digest.yml", text => text + "front_matter_keys: [sumary, sorce]\n");
        var declared = session.Build();
        Assert.True(declared.Succeeded);
        Assert.Empty(declared.Diagnostics);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void AnUnlistedCategoryFailsEveryBuildUntilItIsListedOrCorrected()
    {
        _site.Edit("digest.yml", text => text + "front_matter_keys: [sumary, sorce]\ncategories: [Economy, World]\n");
        _site.Edit(Story, text => text.Replace("---\nText.", "categories: [Ecomony]\n---\nText.", StringComparison.Ordinal));
        const string Unlisted = "input/articles/story.md:5:14: error DG1202: the category 'Ecomony' is not in the 'categories' list of digest.yml. Did you mean 'Economy'? Correct it, or add 'Ecomony' to the list.";
        var session = new BuildSession(_site.Options());

        Assert.Equal([Unlisted], TestBuild.Lines(session.Build()));
        Assert.Equal([Unlisted], TestBuild.Lines(SiteBuilder.Build(_site.Options())));
        Assert.False(File.Exists(Path.Combine(_site.Output, "index.html")));

        _site.Edit(Story, text => text.Replace("[Ecomony]", "[economy]", StringComparison.Ordinal));
        var corrected = session.Build();
        Assert.True(corrected.Succeeded, string.Join("\n", corrected.Diagnostics));
        Assert.True(File.Exists(Path.Combine(_site.Output, "categories", "economy", "index.html")));
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }
}
