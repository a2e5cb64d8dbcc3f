using Digest.Content;
using Digest.Diagnostics;

namespace Digest.Tests.SiteModel;

/// <summary>Issue 15, point 4: one article cannot make the output explode through its tags and categories.</summary>
public sealed class OutputLimitTests
{
    [Theory]
    [InlineData(2_000, "list")]
    [InlineData(100_000, "text")]
    public void ThousandsOfTagsAreCutWithAWarningAndTheOutputStaysSmall(int count, string form)
    {
        var names = Enumerable.Range(0, count).Select(i => "t" + i).ToList();
        var tags = form == "list" ? "[" + string.Join(", ", names) + "]" : "\"" + string.Join(",", names) + "\"";
        using var site = new InlineSite($"""
            -- digest.yml --
            title: Limits
            base_url: https://limits.example/
            -- input/articles/a.md --
            ---
            title: Many tags
            date: 2026-11-03
            tags: {tags}
            categories: [{string.Join(", ", Enumerable.Range(0, 500).Select(i => "c" + i))}]
            ---
            Text.
            """);
        var result = site.BuildOk();

        Assert.Contains(result.Diagnostics, d => d is { Severity: Severity.Warning, Code: DiagnosticCodes.TooManyTags, Path: "input/articles/a.md", Line: 4 });
        Assert.Contains(result.Diagnostics, d => d is { Severity: Severity.Warning, Code: DiagnosticCodes.TooManyCategories, Path: "input/articles/a.md", Line: 5 });
        Assert.Equal(ArticleReader.MaxTags, Directory.GetDirectories(Path.Combine(site.OutputDirectory, "tags")).Length);
        Assert.Equal(ArticleReader.MaxCategories, Directory.GetDirectories(Path.Combine(site.OutputDirectory, "categories")).Length);
        Assert.True(site.OutputExists("tags/t49/index.html"));
        Assert.False(site.OutputExists("tags/t50/index.html"));
        var bytes = Directory.EnumerateFiles(site.OutputDirectory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 4 * 1024 * 1024, $"The output is {bytes:N0} bytes.");
    }

    [Fact]
    public void PerTermFeedsListTheNewestFeedSizeItems()
    {
        var files = string.Concat(Enumerable.Range(1, 30).Select(i => $"""
            -- input/articles/a{i:D2}.md --
            ---
            title: Story {i}
            date: 2026-11-{i:D2}
            tags: [rail]
            ---
            Text {i}.

            """));
        using var site = new InlineSite($"""
            -- digest.yml --
            title: Limits
            base_url: https://limits.example/
            feed_size: 5
            {files}
            """);
        site.BuildOk();
        var feed = System.Xml.Linq.XDocument.Parse(site.Output("tags/rail/feed.xml")).Root!;
        var entries = feed.Elements(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")).ToList();
        Assert.Equal(5, entries.Count);
        Assert.Contains("Story 30", entries[0].Value, StringComparison.Ordinal);
    }
}
