using System.Text;
using AngleSharp.Html.Parser;

namespace Digest.Tests.Templates;

/// <summary>Scriban's defaults would truncate a page over 1 MiB and stop a loop after 1000 items: Digest sets both.</summary>
public sealed class ScribanLimitTests
{
    [Fact]
    public void PageOverOneMebibyteIsNotTruncated()
    {
        var body = new StringBuilder();
        var paragraph = 0;
        while (body.Length < 1_300_000)
        {
            body.Append("Paragraph ").Append(paragraph++).Append(" of a very long article, repeated to make a page bigger than Scriban's default output limit.\n\n");
        }

        using var site = new InlineSite($"""
            -- input/articles/long.md --
            ---
            title: A very long article
            date: 2026-11-03T09:15:00Z
            ---
            {body}The last paragraph.
            """);
        site.BuildOk();

        var html = site.Output("2026/11/03/a-very-long-article/index.html");
        Assert.True(Encoding.UTF8.GetByteCount(html) > 1024 * 1024);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<p>The last paragraph.</p>", html, StringComparison.Ordinal);
        Assert.Contains($"Paragraph {paragraph - 1} of", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ListOfMoreThanAThousandItemsRenders()
    {
        // One more than Scriban's default loop limit, which the theme's nested loops would reach even sooner.
        const int Count = 1001;
        var files = new StringBuilder("""
            -- digest.yml --
            page_size: 2000
            archives: false
            term_feeds: false
            """);
        for (var i = 0; i < Count; i++)
        {
            var date = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i * 6);
            files.Append($"\n-- input/articles/story-{i:D4}.md --\n---\ntitle: Story {i}\ndate: {date:yyyy-MM-dd'T'HH:mm:ss'Z'}\ntags: [crowded]\n---\nText {i}.\n");
        }

        using var site = new InlineSite(files.ToString());
        site.BuildOk();

        foreach (var page in new[] { "tags/crowded/index.html", "index.html" })
        {
            var document = new HtmlParser().ParseDocument(site.Output(page));
            Assert.Equal(Count, document.QuerySelectorAll("main article.card, main article.lead-story").Length);
            Assert.False(site.OutputExists(page.Replace("index.html", "page/2/index.html", StringComparison.Ordinal)));
        }
    }
}
