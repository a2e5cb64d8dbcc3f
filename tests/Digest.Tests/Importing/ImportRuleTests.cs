using System.Text;
using Digest.Importing;

namespace Digest.Tests.Importing;

/// <summary>The pure rules of an import, table-driven: dates, encodings, Markdown escaping, HTML, signatures, tags.</summary>
public sealed class ImportRuleTests
{
    private static readonly TimeZoneInfo Yerevan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Yerevan");

    [Theory]
    [InlineData("Nov 17 2021", "2021-11-17")]
    [InlineData("17 November 2021", "2021-11-17")]
    [InlineData("November 17, 2021", "2021-11-17")]
    [InlineData("Nov. 17, 2021", "2021-11-17")]
    [InlineData("17.11.2021", "2021-11-17")]
    [InlineData("2021-11-17", "2021-11-17")]
    [InlineData("2021-11-17T10:15:00", "2021-11-17T10:15:00+04:00")]
    [InlineData("2021-11-17T06:15:00Z", "2021-11-17T10:15:00+04:00")]
    [InlineData("Wed, 17 Nov 2021 10:15:00 +0300", "2021-11-17T11:15:00+04:00")]
    [InlineData("17 Nov 2021 22:00 GMT", "2021-11-18T02:00:00+04:00")]
    [InlineData("Wed, 17 Nov 21 10:15:00 EST", "2021-11-17T19:15:00+04:00")]
    public void WireDatesAreReadInTheSiteZone(string text, string frontMatter)
    {
        Assert.True(WireDates.TryParse(text, Yerevan, out var date));
        Assert.Equal(frontMatter, date.ToFrontMatter());
    }

    [Theory]
    [InlineData("TASS, Russia")]
    [InlineData("Nov 2021")]
    [InlineData("32.11.2021")]
    [InlineData("Wed, 17 Nov 2021 10:15:00 +9900")]
    [InlineData("It was a quiet day on 17 November 2021 in Moscow.")]
    public void OtherTextIsNoDate(string text) => Assert.False(WireDates.TryParse(text, Yerevan, out _));

    public static TheoryData<string, byte[], string?> Encodings()
    {
        var text = "Ереван — Yerevan\nline two";
        var codePages = CodePagesEncodingProvider.Instance;
        return new()
        {
            { "UTF-8", Encoding.UTF8.GetBytes(text), null },
            { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], null },
            { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], null },
            { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)], null },
            { "CRLF", Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)), null },
        };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void UnicodeIsReadWithoutAGuess(string name, byte[] bytes, string? guessed)
    {
        var decoded = TextDecoding.Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal("Ереван — Yerevan\nline two", decoded.Text);
        Assert.True(guessed == decoded.Guessed, name);
    }

    [Theory]
    [InlineData("windows-1251", "Министерство иностранных дел России заявило в среду, что готово продолжать содействие сторонам в поддержании мира и стабильности в регионе.")]
    [InlineData("koi8-r", "Министерство иностранных дел России заявило в среду, что готово продолжать содействие сторонам в поддержании мира и стабильности в регионе.")]
    [InlineData("windows-1252", "Le ministère a déclaré mercredi qu’il était prêt à continuer d’aider les deux pays à maintenir la paix et la stabilité dans la région. Café, crème brûlée, naïveté.")]
    public void LegacyEncodingsAreDetectedAndNamed(string encoding, string text)
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(encoding)!.GetBytes(text + "\r\n");

        var decoded = TextDecoding.Decode(bytes);

        Assert.NotNull(decoded);
        Assert.Equal(text + "\n", decoded.Text);
        Assert.Equal(encoding, decoded.Guessed, ignoreCase: true);
    }

    [Fact]
    public void BinaryIsNotText() => Assert.Null(TextDecoding.Decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0x00, 0x10]));

    [Theory]
    [InlineData("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("- not a bullet\n> not a quote", "\\- not a bullet\n\\> not a quote")]
    [InlineData("[link](javascript:x) *a* _b_ `c` &amp; a|b", "\\[link\\](javascript:x) \\*a\\* \\_b\\_ \\`c\\` \\&amp; a\\|b")]
    [InlineData("MOSCOW, November 17. /TASS/. Text.", "MOSCOW, November 17. /TASS/. Text.")]
    public void PlainTextIsEscapedForMarkdown(string text, string markdown) => Assert.Equal(markdown, MarkdownText.Escape(text));

    [Fact]
    public void EscapedPlainTextRendersAsTheSameText()
    {
        var text = "<img src=x onerror=alert(1)> *bold* [a](b) 1. x &copy; `code` \\ # h";
        var html = Markdig.Markdown.ToHtml(MarkdownText.Escape(text)).Trim();
        Assert.Equal("<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("&#39;", "'", StringComparison.Ordinal) + "</p>", html);
    }

    [Fact]
    public void FeedHtmlIsSanitisedAndWrittenAsMarkdown()
    {
        var html = """
            <p onclick="x()">Lead <b>bold</b> <a href="javascript:alert(1)">bad</a> <a href="/rel?a=1&b=(2)">good</a></p>
            <script>alert('no')</script><style>p{}</style><iframe src="https://x.example/"></iframe>
            <ol><li>one</li><li>two <em>2</em></li></ol>
            <pre><code>a ``` b</code></pre>
            <h2>Sub &lt;head&gt;</h2>
            <img src="data:image/png;base64,AAAA" alt="data"><img src="https://x.example/a b.png" alt="[a]">
            """;

        var blocks = HtmlToMarkdown.Convert(html, "https://news.example/item/1");

        Assert.Equal(
        [
            "Lead **bold** bad [good](https://news.example/rel?a=1&b=%282%29)",
            "1. one\n2. two *2*",
            "````\na ``` b\n````",
            "## Sub \\<head\\>",
            "![\\[a\\]](https://x.example/a%20b.png)",
        ], blocks);
    }

    [Fact]
    public void ATrailingParagraphThatEndsSeveralStoriesIsASignature()
    {
        var signature = "Emil Lazarian: \u201cSee if they will not create a New Armenia.\u201d - WS";
        var stories = new[]
        {
            Story("a", "MOSCOW, November 17. First story.", "More of it.", signature),
            Story("b", "YEREVAN, November 18. Second story.", signature),
            Story("c", "BAKU, November 19. Third story.", "It ends with its own words.", signature),
            // Copies of one story prove nothing, retitled or not: their last paragraph is not taken for a signature.
            Story("d", "TBILISI, November 20. Fourth story.", "Its last paragraph."),
            Story("e", "TBILISI, November 20. Fourth story.", "Its last paragraph."),
            Story("d", "TBILISI, November 20. Fourth story, updated.", "Its last paragraph."),
            // Two related stories may end on the same background paragraph.
            Story("f", "GYUMRI, November 21. Fifth story.", "The plant opened in 1970."),
            Story("g", "GYUMRI, November 22. Sixth story.", "The plant opened in 1970."),
        };

        var stripper = SignatureStripper.Learn(stories, []);

        Assert.Equal(["MOSCOW, November 17. First story.", "More of it."], stripper.Strip(stories[0]).Paragraphs);
        Assert.Equal(["YEREVAN, November 18. Second story."], stripper.Strip(stories[1]).Paragraphs);
        Assert.Equal(["BAKU, November 19. Third story.", "It ends with its own words."], stripper.Strip(stories[2]).Paragraphs);
        Assert.All(stories[3..], story => Assert.Same(story, stripper.Strip(story)));
    }

    [Fact]
    public void ARecurringParagraphInsideAStoryIsKept()
    {
        var shared = "The ministry did not comment.";
        var stories = new[]
        {
            Story("a", "A. First.", shared, "End of a."),
            Story("b", "B. Second.", shared, "End of b."),
            Story("c", "C. Third.", shared, "End of c."),
        };

        var stripper = SignatureStripper.Learn(stories, []);

        Assert.Same(stories[0], stripper.Strip(stories[0]));
    }

    [Fact]
    public void ListedSignaturesAndMailDelimitersEndTheStory()
    {
        var story = Story("a", "Lead.", "Body line\n\\--\nJohn", "Unsubscribe here");
        var listed = Story("b", "Lead.", "Body.", "Sent from my phone, sorry for typos", "Unrelated footer");

        var stripper = SignatureStripper.Learn([story, listed], ["Sent from my phone"]);

        Assert.Equal(["Lead.", "Body line"], stripper.Strip(story).Paragraphs);
        Assert.Equal(["Lead.", "Body."], stripper.Strip(listed).Paragraphs);
    }

    [Fact]
    public void TagsAreOffByDefaultAndCapped()
    {
        var text = "Maria Zakharova said. Zakharova spoke. The Kremlin and the Kremlin. OSCE and OSCE. Baku, Baku, Baku. "
            + string.Join(" ", Enumerable.Range(0, 30).Select(i => $"Zed{(char)('a' + i / 26)}{(char)('a' + i % 26)} spoke. Zed{(char)('a' + i / 26)}{(char)('a' + i % 26)} left."));

        Assert.Empty(TagSuggester.Suggest(text, 0));
        Assert.Equal(["Baku", "Maria Zakharova"], TagSuggester.Suggest(text, 2));
        Assert.Equal(TagSuggester.MaxTags, TagSuggester.Suggest(text, 500).Count);
    }

    [Theory]
    [InlineData("Премьер-министр Никол Пашинян заявил в среду. Сегодня Пашинян подчеркнул", "Никол Пашинян")]
    [InlineData("Նիկոլ Փաշինյանը հայտարարեց։ Այսօր Փաշինյանը ասաց", "Նիկոլ Փաշինյանը")]
    [InlineData("In Moscow the talks began. Officials in Moscow said", "Moscow")]
    public void TagsAreProperNamesInEachLanguage(string text, string tag) => Assert.Equal([tag], TagSuggester.Suggest(text, 3));

    private static ImportedStory Story(string name, params string[] paragraphs) => new(name, name, null, paragraphs);
}
