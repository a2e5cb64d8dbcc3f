using System.Text;
using System.Xml.Linq;
using Digest.Diagnostics;

namespace Digest.Tests.Content;

/// <summary>Issue 15, point 3: no front matter, Markdown, file or setting crashes the build; each gives a located diagnostic or safe output.</summary>
public sealed class HostileContentTests
{
    private const string Settings = """
        -- digest.yml --
        title: Hostile
        base_url: https://hostile.example/
        """;

    /// <summary>A site of one article with the given front matter; shared with the tests of other parts.</summary>
    internal static InlineSite Article(string frontMatter, string body = "Body text.", string name = "a.md", string settings = "") =>
        new($"""
            {Settings}
            {settings}
            -- input/articles/{name} --
            ---
            {frontMatter}
            ---
            {body}
            """);

    /// <summary>The build fails with a single error, of <paramref name="code"/>.</summary>
    internal static Diagnostic Only(InlineSite site, string code)
    {
        var result = site.Build();
        Assert.False(result.Succeeded, "The build succeeded.");
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(diagnostic.Code == code, diagnostic.ToString());
        return diagnostic;
    }

    [Theory]
    [InlineData("x: &a [*a]", 4, 8)]
    [InlineData("x: &a {k: *a}", 4, 11)]
    [InlineData("x: &a\n  - y\n  - *a", 6, 5)]
    public void RecursiveAliasIsALocatedErrorNotAStackOverflow(string yaml, int line, int column)
    {
        using var site = Article("title: A\ndate: 2026-11-03\n" + yaml);
        var diagnostic = Only(site, DiagnosticCodes.YamlTooComplex);
        Assert.Equal(("input/articles/a.md", line, column), (diagnostic.Path, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void BillionLaughsIsRefused()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        using var site = Article("title: A\ndate: 2026-11-03\n" + yaml);
        Only(site, DiagnosticCodes.YamlTooComplex);
    }

    [Fact]
    public void AFewAliasesStillWork()
    {
        using var site = Article("title: A\ndate: 2026-11-03\nx: &t [rail, port]\ntags: *t");
        site.BuildOk();
        Assert.True(site.OutputExists("tags/rail/index.html"));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{k: ", "}")]
    public void DeepNestingIsRefused(string open, string close)
    {
        var deep = string.Concat(Enumerable.Repeat(open, 5000)) + "x" + string.Concat(Enumerable.Repeat(close, 5000));
        using var site = Article("title: A\ndate: 2026-11-03\nx: " + deep);
        Only(site, DiagnosticCodes.YamlTooComplex);
    }

    [Fact]
    public void DeepBlockSequenceIsRefused()
    {
        using var site = Article("title: A\ndate: 2026-11-03\nx: \n  " + string.Concat(Enumerable.Repeat("- ", 5000)) + "x");
        Only(site, DiagnosticCodes.YamlTooComplex);
    }

    [Fact]
    public void RecursiveAliasInSettingsIsALocatedError()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            title: Hostile
            x: &a [*a]
            """);
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.SettingsSyntax && d.Path == "digest.yml" && d.Line == 2);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void NullValuesAreAbsentNeverTheWordNull(string nothing)
    {
        using var site = Article($"title: Rail\ndate: 2026-11-03\nsummary: {nothing}\nauthor: {nothing}\nsource: {nothing}\nimage: {nothing}\ntags: [{(nothing.Length == 0 ? "~" : nothing)}, rail]\ncategories: {nothing}\nextra: {nothing}");
        site.BuildOk();
        foreach (var (path, text) in site.AllOutput())
        {
            Assert.False(text.Contains(">null<", StringComparison.OrdinalIgnoreCase) || text.Contains("\"null\"", StringComparison.OrdinalIgnoreCase)
                || text.Contains("By null", StringComparison.OrdinalIgnoreCase) || text.Contains("tags/null", StringComparison.OrdinalIgnoreCase)
                || text.Contains(">~<", StringComparison.Ordinal), $"{path} shows a null value.");
        }
    }

    [Fact]
    public void NullTitleIsAMissingTitle()
    {
        using var site = Article("title: null\ndate: 2026-11-03");
        Only(site, DiagnosticCodes.MissingTitle);
    }

    [Fact]
    public void NullInSettingsIsTheDefault()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            title: ~
            description: null
            -- input/articles/a.md --
            ---
            title: Rail
            date: 2026-11-03
            ---
            Text.
            """);
        site.BuildOk();
        Assert.DoesNotContain("<title>~", site.Output("index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01", "Asia/Tokyo")]
    [InlineData("0001-01-01T00:00:00+01:00", "UTC")]
    [InlineData("9999-12-31", "America/New_York")]
    [InlineData("9999-12-31T23:00:00-05:00", "UTC")]
    [InlineData("9999-12-31T23:59:59Z", "UTC")]
    public void OutOfRangeDatesAreLocatedErrors(string date, string zone)
    {
        using var site = Article($"title: A\ndate: {date}", settings: $"time_zone: {zone}");
        var diagnostic = Only(site, DiagnosticCodes.DateOutOfRange);
        Assert.Equal(("input/articles/a.md", 3, 7), (diagnostic.Path, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("0001-01-02T12:00:00Z")]
    [InlineData("9999-12-30T12:00:00Z")]
    public void DatesAtTheEdgesBuild(string date)
    {
        using var site = Article($"title: A\ndate: {date}");
        site.BuildOk();
    }

    [Theory]
    [InlineData("2026-02-30-x.md")]
    [InlineData("2026-13-01-x.md")]
    [InlineData("0000-01-01-x.md")]
    [InlineData("0001-01-01-x.md")]
    public void ImpossibleDateInAFileNameIsALocatedError(string name)
    {
        using var site = new InlineSite($"""
            {Settings}
            time_zone: Asia/Tokyo
            -- input/articles/{name} --
            ---
            title: A
            ---
            Text.
            """);
        var diagnostic = Only(site, DiagnosticCodes.InvalidFileNameDate);
        Assert.Equal("input/articles/" + name, diagnostic.Path);
    }

    [Fact]
    public void ControlCharactersNeverReachHtmlOrXml()
    {
        using var site = Article("title: \"Bell\\a and \\e[31m escape\"\ndate: 2026-11-03\ntags: [\"t\\u0001ag\"]", "Body \u001b[2J with \u0007 bell, \u0085 and \u0008.");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ControlCharacters && d.Line == 6 && d.Column == 6);
        foreach (var (path, text) in site.AllOutput())
        {
            Assert.False(text.Any(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'), $"{path} holds a control character.");
            if (path.EndsWith(".xml", StringComparison.Ordinal))
            {
                XDocument.Parse(text);
            }
        }
    }

    [Fact]
    public void NulBytesMakeABinaryFileError()
    {
        using var site = new InlineSite(Settings);
        site.WriteBytes("input/articles/a.md", [.. "---\ntitle: A\ndate: 2026-11-03\n---\nab"u8, 0, .. "c\n"u8]);
        var diagnostic = Only(site, DiagnosticCodes.BinaryFile);
        Assert.Equal(("input/articles/a.md", 5, 3), (diagnostic.Path, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void APngNamedMarkdownIsABinaryFileError()
    {
        using var site = new InlineSite(Settings);
        site.WriteBytes("input/articles/a.md", [0x89, .. "PNG\r\n"u8, 0x1a, (byte)'\n', 0, 0, 0, 0x0d]);
        Only(site, DiagnosticCodes.BinaryFile);
    }

    [Fact]
    public void Utf16WithAndWithoutBomAndLatin1AreLocatedErrors()
    {
        const string Text = "---\ntitle: Caf\u00e9\ndate: 2026-11-03\n---\nText.\n";
        using var site = new InlineSite(Settings);
        site.WriteBytes("input/articles/bom.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)]);
        site.WriteBytes("input/articles/nobom.md", Encoding.BigEndianUnicode.GetBytes(Text));
        site.WriteBytes("input/articles/latin.md", Encoding.Latin1.GetBytes(Text));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d is { Path: "input/articles/bom.md", Code: DiagnosticCodes.NotUtf8, Line: 1 });
        Assert.Contains(result.Diagnostics, d => d is { Path: "input/articles/nobom.md", Code: DiagnosticCodes.BinaryFile, Line: 1 });
        Assert.Contains(result.Diagnostics, d => d is { Path: "input/articles/latin.md", Code: DiagnosticCodes.NotUtf8, Line: 2, Column: 11 });
    }

    [Fact]
    public void BinarySettingsFileIsALocatedError()
    {
        using var site = new InlineSite("");
        site.WriteBytes("digest.yml", [.. "title: A\n"u8, 0, 1, 2]);
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d is { Path: "digest.yml", Code: DiagnosticCodes.BinaryFile, Line: 2 });
    }

    [Theory]
    [InlineData(">")]
    [InlineData("*")]
    [InlineData("- ")]
    [InlineData("_")]
    public void FiveThousandDeepMarkdownIsALocatedError(string level)
    {
        var deep = string.Concat(Enumerable.Repeat(level, 5000)) + "x" + (level is "*" or "_" ? string.Concat(Enumerable.Repeat(level, 5000)) : "");
        using var site = Article("title: A\ndate: 2026-11-03", deep);
        var diagnostic = Only(site, DiagnosticCodes.MarkdownTooDeep);
        Assert.Equal(("input/articles/a.md", 5), (diagnostic.Path, diagnostic.Line));
    }

    [Theory]
    [InlineData("[", "](/a)")]
    [InlineData("[a](", ")")]
    [InlineData("`", "")]
    [InlineData("<", "")]
    public void FiveThousandDeepBracketsBuild(string open, string close)
    {
        var deep = string.Concat(Enumerable.Repeat(open, 5000)) + "x" + string.Concat(Enumerable.Repeat(close, 5000));
        using var site = Article("title: A\ndate: 2026-11-03", deep);
        site.BuildOk();
    }

    [Fact]
    public void TerminalEscapesInDiagnosticsArePrintedAsText()
    {
        using var site = new InlineSite(Settings);
        site.Write("input/articles/\u001b]0;owned\u0007\u001b[2J.md", "---\ntitle: A\ndate: \"\u001b[31mred\"\n---\nText.\n");
        var result = site.Build();
        var lines = TestBuild.Lines(result);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.DoesNotContain(l, char.IsControl));
        Assert.Contains(lines, l => l.Contains("\\u001B[2J", StringComparison.Ordinal));
    }
}
