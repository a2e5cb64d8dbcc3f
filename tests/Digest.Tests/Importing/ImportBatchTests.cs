using System.Net;
using System.Text;
using Digest.Diagnostics;
using Digest.Importing;

namespace Digest.Tests.Importing;

/// <summary>What a batch does with the site: never a duplicate, never an overwrite, bad files reported, the rest imported.</summary>
public sealed class ImportBatchTests
{
    private const string Wire = """
        Categories: Politics

        Border commission to meet in Tbilisi

        Ararat Press
        Nov 24 2026
        The spokesman announced the meeting at his briefing

        YEREVAN, November 24. /Ararat Press/. The border commission will meet in Tbilisi next week, the spokesman said.

        He declined to name the members of the delegation.
        """;

    [Fact]
    public void TheSameStoryImportedTwiceIsSkippedAndTheFileKept()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        site.Write("mail/a.txt", Wire);

        var first = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/a.txt")]);
        var written = Path.Combine(site.SiteDirectory, first.Articles.Single().Path);
        File.AppendAllText(written, "An editor's note.\n");
        var second = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/a.txt")]);

        Assert.Equal("input/articles/2026/11/24/border-commission-to-meet-in-tbilisi.md", first.Articles.Single().Path);
        Assert.Empty(second.Articles);
        Assert.Equal(1, second.Skipped);
        Assert.Equal(DiagnosticCodes.ImportDuplicate, second.Diagnostics.Single().Code);
        Assert.EndsWith("An editor's note.\n", File.ReadAllText(written), StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateReplacesTheFileOfTheSameStory()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        site.Write("mail/a.txt", Wire);
        ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/a.txt")]);
        site.Write("mail/a.txt", Wire.Replace("Categories: Politics", "Categories: Politics, Borders", StringComparison.Ordinal));

        var updated = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/a.txt")], o => o with { Update = true });

        var article = Assert.Single(updated.Articles);
        Assert.True(article.Replaced);
        Assert.Single(ImportRun.Articles(site.SiteDirectory));
        Assert.Contains("categories: [\"Politics\", \"Borders\"]", File.ReadAllText(Path.Combine(site.SiteDirectory, article.Path)), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExistingFileOfAnotherStoryIsNeverOverwritten()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            title: T
            -- input/articles/2026/11/24/border-commission-to-meet-in-tbilisi.md --
            ---
            title: Written by hand
            date: 2026-11-20
            ---
            Another story entirely, kept under this name.
            -- input/articles/by-hand.md --
            ---
            title: Border commission to meet in Tbilisi
            date: 2026-11-24
            ---
            A story whose URL the import must not take.
            """);
        site.Write("mail/a.txt", Wire);

        var result = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/a.txt")], o => o with { Update = true });

        Assert.Equal("input/articles/2026/11/24/border-commission-to-meet-in-tbilisi-2.md", result.Articles.Single().Path);
        Assert.Contains("slug: \"border-commission-to-meet-in-tbilisi-2\"", result.Articles.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Written by hand", File.ReadAllText(Path.Combine(site.SiteDirectory, "input/articles/2026/11/24/border-commission-to-meet-in-tbilisi.md")), StringComparison.Ordinal);
        Assert.Empty(TestBuild.Lines(site.Build()));
    }

    [Fact]
    public void ABatchSurvivesBadFilesAndCountsThem()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        site.Write("mail/good.txt", Wire);
        site.WriteBytes("mail/image.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D]);
        site.Write("mail/empty.txt", "\n\n   \n");
        site.Write("mail/broken.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</item></rss>");
        site.WriteBytes("mail/huge.txt", new byte[9 * 1024 * 1024]);

        var result = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail"), Path.Combine(site.SiteDirectory, "missing.txt")]);

        Assert.Single(result.Articles);
        Assert.Equal(5, result.Failed);
        Assert.Equal(
            [DiagnosticCodes.ImportBadFeed, DiagnosticCodes.ImportNoTitle, DiagnosticCodes.ImportTooLarge, DiagnosticCodes.ImportNotText, DiagnosticCodes.ImportUnreadable],
            result.Diagnostics.Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.Matches(@"^\S+: error DG50\d\d: ", d.ToString()));
    }

    [Fact]
    public void DryRunWritesNothing()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        site.Write("mail/a.txt", Wire);

        var result = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/a.txt")], o => o with { DryRun = true });

        Assert.StartsWith("---\ntitle: \"Border commission to meet in Tbilisi\"\ndate: 2026-11-24\n", result.Articles.Single().Text, StringComparison.Ordinal);
        Assert.Empty(ImportRun.Articles(site.SiteDirectory));
    }

    [Fact]
    public void OptionsFillWhatTheStoryLacksAndALegacyEncodingIsNamed()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        var text = "Выборы в Гюмри назначены на декабрь\n\nТАСС\n17.11.2026\n\nГЮМРИ, 17 ноября. /ТАСС/. Выборы мэра Гюмри назначены на декабрь, сообщила избирательная комиссия в среду.\n";
        site.WriteBytes("mail/ru.txt", CodePagesEncodingProvider.Instance.GetEncoding("windows-1251")!.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var result = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/ru.txt")], o => o with { Category = "Выборы", Source = "ignored: the story names its source" });

        var article = result.Articles.Single();
        Assert.Equal("input/articles/2026/11/17/vybory-v-gyumri-naznacheny-na-dekabr.md", article.Path);
        Assert.Contains("source: \"ТАСС\"\ncategories: [\"Выборы\"]\n", article.Text, StringComparison.Ordinal);
        Assert.Contains("windows-1251", Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ImportEncodingGuessed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTextStaysText()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        site.Write("mail/evil.txt", "Categories: <script>alert(1)</script>\n\n\"null\" --- <script>alert('t')</script>: [x] # y\n\nSource: <b>x</b>\n\n<img src=x onerror=alert(1)> **not bold**\n\n---\ntitle: injected\n---\n");

        // No date in the text: the file's time, before the test build's clock, dates it.
        File.SetLastWriteTimeUtc(Path.Combine(site.SiteDirectory, "mail/evil.txt"), new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc));
        var result = ImportRun.Run(site.SiteDirectory, [Path.Combine(site.SiteDirectory, "mail/evil.txt")]);

        var article = result.Articles.Single();
        Assert.StartsWith("---\ntitle: \"\\\"null\\\" --- <script>alert('t')</script>: [x] # y\"\n", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n---\ntitle: injected", article.Text, StringComparison.Ordinal);
        var built = site.Build();
        Assert.Empty(TestBuild.Lines(built));
        var page = site.Output("2026/11/20/null-script-alert-t-script-x-y/index.html");
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; **not bold**", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedsAreFetchedWithinLimits()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: T\n");
        var feed = """{"version":"https://jsonfeed.org/version/1.1","title":"Desk","items":[{"id":"1","url":"https://desk.example/a","title":"Fetched story","content_text":"Its text, long enough to be a story.","date_published":"2026-12-01T10:00:00Z"}]}""";
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/feed.json" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(feed) },
            "/big.json" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) },
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });

        var result = ImportRun.Run(site.SiteDirectory, ["https://desk.example/feed.json", "https://desk.example/big.json", "https://desk.example/gone.json"], handler: handler);

        Assert.Equal("https://desk.example/a", Assert.Single(result.Articles).Text.Split('\n').Single(l => l.StartsWith("source_url", StringComparison.Ordinal))[13..^1]);
        Assert.Equal(2, result.Failed);
        Assert.Equal(["https://desk.example/big.json", "https://desk.example/gone.json"], result.Diagnostics.Select(d => d.Path));
        Assert.Contains("limit", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("404", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFetchThatDoesNotAnswerTimesOut()
    {
        using var fetcher = new FeedFetcher(new StubHandler(_ => throw new TaskCanceledException("no answer")), TimeSpan.FromMilliseconds(1), 1024);

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri("https://slow.example/feed"), CancellationToken.None));

        Assert.Contains("no answer within", error.Message, StringComparison.Ordinal);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    /// <summary>A body that never ends, as a hostile server's: the fetch must stop at its limit.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
