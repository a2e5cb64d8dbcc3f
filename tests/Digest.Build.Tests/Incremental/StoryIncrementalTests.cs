using Digest.Build;

namespace Digest.Build.Tests.Incremental;

/// <summary>Stories under incremental builds: an edit that changes what a story shows, or which articles it holds, updates every page that shows it.</summary>
public sealed class StoryIncrementalTests : IDisposable
{
    private const string Original = "2026/11/03/gyumri-rail-link-reopens-after-two-year-rebuild/index.html";
    private const string Report = "input/articles/shirak-rail-report.md";
    private const string ReportPage = "2026/11/03/shirak-rail-report/index.html";

    private readonly TestSite _site = TestSite.CopyOfSample(withTheme: false);

    public StoryIncrementalTests()
    {
        _site.Edit("digest.yml", text => text + "stories:\n  lists: stories\n");
        // The same event as the sample's Ararat Press article, from another source; its slug does not follow its title,
        // so that a title edit revises the model instead of moving the article.
        _site.Write(Report, """
            ---
            title: "Trains back on the Gyumri rail link after a two-year rebuild"
            slug: shirak-rail-report
            date: 2026-11-03T12:00:00+04:00
            source: Shirak Daily
            summary: "Passenger trains returned to the Yerevan–Gyumri line on Tuesday after a rebuild that cost 38 billion drams and cut the journey to under two hours."
            ---
            The rebuilt line reopened.
            """);
    }

    public void Dispose() => _site.Dispose();

    private int Cards(string page) => _site.Read(page).Split("<article class=\"card").Length - 1;

    [Fact]
    public void EditingATitleUpdatesItsStoryAndThePagesShowingItAndEqualsAColdBuild()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        var first = session.Build();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Contains("Also reported by", _site.Read(Path.Combine("output", Original)), StringComparison.Ordinal);
        Assert.Contains("Trains back on the Gyumri rail link", _site.Read(Path.Combine("output", Original)), StringComparison.Ordinal);
        // One entry for the story in the daily edition: the newer report stands for both.
        Assert.Equal(1, Cards("output/2026/11/03/index.html"));

        // Still one story: the other report's page shows the new title.
        _site.Replace(Report, "title: \"Trains back on the Gyumri rail link after a two-year rebuild\"", "title: \"Trains are back on the Gyumri rail link after a two-year rebuild\"");
        var retitled = session.Build([Report]);
        Assert.True(retitled.Succeeded, string.Join("\n", retitled.Diagnostics));
        Assert.Equal(ModelWork.Revised, retitled.Work.Model);
        Assert.Contains(Original, retitled.ChangedFiles);
        Assert.Contains("Trains are back on the Gyumri rail link", _site.Read(Path.Combine("output", Original)), StringComparison.Ordinal);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);

        // Another event now: the story is gone from both pages, and the daily edition lists both articles again.
        _site.Replace(Report, "title: \"Trains are back on the Gyumri rail link after a two-year rebuild\"", "title: \"Shirak farmers count the cost of an early frost\"");
        _site.Replace(Report, "summary: \"Passenger trains returned to the Yerevan–Gyumri line on Tuesday after a rebuild that cost 38 billion drams and cut the journey to under two hours.\"",
            "summary: \"Orchards near Artik lost much of their late apple crop.\"");
        var apart = session.Build([Report]);
        Assert.True(apart.Succeeded, string.Join("\n", apart.Diagnostics));
        Assert.DoesNotContain("Also reported by", _site.Read(Path.Combine("output", Original)), StringComparison.Ordinal);
        Assert.DoesNotContain("Also reported by", _site.Read(Path.Combine("output", ReportPage)), StringComparison.Ordinal);
        Assert.Equal(2, Cards("output/2026/11/03/index.html"));
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);

        // And back to one story.
        _site.Replace(Report, "title: \"Shirak farmers count the cost of an early frost\"", "title: \"Trains back on the Gyumri rail link after a two-year rebuild\"");
        _site.Replace(Report, "summary: \"Orchards near Artik lost much of their late apple crop.\"",
            "summary: \"Passenger trains returned to the Yerevan–Gyumri line on Tuesday after a rebuild that cost 38 billion drams and cut the journey to under two hours.\"");
        var together = session.Build([Report]);
        Assert.True(together.Succeeded, string.Join("\n", together.Diagnostics));
        Assert.Contains("Also reported by", _site.Read(Path.Combine("output", Original)), StringComparison.Ordinal);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }
}
