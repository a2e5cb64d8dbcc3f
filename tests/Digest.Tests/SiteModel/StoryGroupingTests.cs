using System.Globalization;
using System.Text;
using Digest.Bodies;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.SiteModel;
using Xunit.Abstractions;

namespace Digest.Tests.SiteModel;

/// <summary>Grouping reports of one event into stories, judged on a labelled set written for it (<see cref="StoryLabelledSet"/>).</summary>
public sealed class StoryGroupingTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GroupsTheLabelledSetWithHighPrecisionAndRecall()
    {
        var site = Model(StoryLabelledSet.Reports.Select(r => (r.Source, r.Hour, r.Title, r.Summary)), new StorySettings());
        var labels = site.Articles.ToDictionary(a => a, a => StoryLabelledSet.Reports.Single(r => r.Title == a.Source.Title).Event);
        var (truePairs, found, right) = (0, 0, 0);
        for (var i = 0; i < site.Articles.Count; i++)
        {
            for (var j = i + 1; j < site.Articles.Count; j++)
            {
                var (a, b) = (site.Articles[i], site.Articles[j]);
                var same = labels[a] is not null && labels[a] == labels[b];
                var grouped = a.Story is not null && a.Story == b.Story;
                truePairs += same ? 1 : 0;
                found += grouped ? 1 : 0;
                right += same && grouped ? 1 : 0;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(same ? "SAME" : "    ")} {(grouped ? "GROUPED" : "       ")} {a.Signature().Similarity(b.Signature()):F2} {a.Source.Title} | {b.Source.Title}"));
            }
        }

        var precision = right / (double)found;
        var recall = right / (double)truePairs;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs: {truePairs} labelled, {found} grouped, {right} both; precision {precision:F3}, recall {recall:F3}"));
        // Measured: precision 1.000, recall 0.889 (16 of 18 pairs). The two pairs missed are an English report and its
        // Russian counterparts, which share no shingles: grouping compares words, not meanings.
        Assert.True(precision >= 0.95, $"precision {precision:F3}");
        Assert.True(recall >= 0.85, $"recall {recall:F3}");
    }

    [Fact]
    public void TheSameArticlesGiveTheSameStoriesWhateverTheOrderTheyAreReadIn()
    {
        var reports = StoryLabelledSet.Reports.Select(r => (r.Source, r.Hour, r.Title, r.Summary)).ToList();
        var forward = Describe(Model(reports, new StorySettings()));
        reports.Reverse();
        Assert.Equal(forward, Describe(Model(reports, new StorySettings())));
        Assert.NotEmpty(forward);
    }

    [Fact]
    public void ReportsFurtherApartThanTheWindowAreNotOneStory()
    {
        (string, int, string, string)[] reports =
        [
            ("Ararat Press", 0, "Gyumri rail link reopens after two-year rebuild", "Passenger trains returned to the line on Tuesday."),
            ("Shirak Daily", 30, "Gyumri rail link reopens after a two-year rebuild", "Passenger trains returned to the line on Tuesday."),
        ];
        Assert.Single(Model(reports, new StorySettings()).Stories);
        Assert.Empty(Model(reports, new StorySettings { WindowDays = 1 }).Stories);
        Assert.Empty(Model(reports, new StorySettings { Enabled = false }).Stories);
    }

    [Fact]
    public void OneEntryPerStoryKeepsTheNewestReportOfEachInItsPlace()
    {
        var site = Model(StoryLabelledSet.Reports.Select(r => (r.Source, r.Hour, r.Title, r.Summary)), new StorySettings());
        var list = Story.OneEntryEach(site.Articles);
        Assert.Equal(site.Articles.Count - site.Stories.Sum(s => s.Articles.Count - 1), list.Count);
        Assert.All(site.Stories, s => Assert.Contains(s.Articles[0], list));
        Assert.Equal(list.OrderBy(a => a.Index), list);
    }

    private static string Describe(Site site) => string.Join("\n", site.Stories.Select(s => string.Join(" | ", s.Articles.Select(a => a.Source.Title))));

    private static Site Model(IEnumerable<(string Source, int Hour, string Title, string Summary)> reports, StorySettings stories)
    {
        var articles = reports.Select((r, i) => new Article
        {
            SourcePath = $"input/articles/{i:D3}.md",
            FileName = $"{i:D3}",
            IsPage = false,
            Title = r.Title,
            Date = Start.AddHours(r.Hour),
            Slug = $"report-{r.Hour}-{i}",
            Summary = r.Summary,
            Source = r.Source,
            Content = new ArticleContent(Encoding.UTF8.GetBytes("<p>Body.</p>"), 0),
        }).ToList();
        var diagnostics = new DiagnosticBag();
        var site = SiteModelBuilder.Build(articles, new SiteSettings { Stories = stories }, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return site;
    }
}
