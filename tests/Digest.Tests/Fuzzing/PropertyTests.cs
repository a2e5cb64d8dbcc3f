using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Digest.Bodies;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Files;
using Digest.Testing;

namespace Digest.Tests.Fuzzing;

/// <summary>
/// Issue 15 point 9: random hostile front matter, Markdown and settings never make Digest throw; every problem comes
/// back as a diagnostic with a DGnnnn code and a position inside the file it names. A failure prints CsCheck's seed:
/// pass it as <c>seed:</c> to <c>Sample</c> to replay the case.
/// </summary>
public sealed partial class PropertyTests
{
    private const string ArticlePath = "input/articles/a.md";

    private static readonly SiteSettings Settings = new();
    private static readonly MarkdownRenderer Renderer = new(allowHtml: false, basePath: "/repo");
    private static readonly MarkdownRenderer HtmlRenderer = new(allowHtml: true, basePath: "");

    [Fact]
    public void FrontMatterNeverThrowsAndReportsWithinTheFile() =>
        HostileGen.ArticleText.Sample(text =>
        {
            var diagnostics = new DiagnosticBag();
            // As the reader does: decoded first, so control characters are already replaced.
            var decoded = SourceText.Decode(Encoding.UTF8.GetBytes(text), ArticlePath, diagnostics);
            if (decoded is not null)
            {
                FrontMatter.Parse(decoded, ArticlePath, diagnostics);
            }

            AssertWellFormed(diagnostics.ToSortedList(), ArticlePath, text);
        }, iter: 3_000);

    [Fact]
    public void ArticleReaderNeverThrowsOnHostileFiles() =>
        Gen.Select(HostileGen.ArticleText, HostileGen.FileName, Gen.Bool).Sample((text, name, isPage) =>
        {
            var path = "input/articles/" + name;
            var diagnostics = new DiagnosticBag();
            var article = Reader(Renderer).Read(path, Encoding.UTF8.GetBytes(text), isPage, diagnostics);
            var reported = diagnostics.ToSortedList();
            AssertWellFormed(reported, path, text);
            Assert.True(article is not null || reported.Any(d => d.Severity == Severity.Error), "An article was dropped without an error.");
        }, iter: 2_000);

    [Fact]
    public void MarkdownPathNeverThrowsAndWritesNoControlCharacters() =>
        Gen.Select(HostileGen.ArticleWithHostileBody, Gen.Bool).Sample((text, allowHtml) =>
        {
            var diagnostics = new DiagnosticBag();
            var article = Reader(allowHtml ? HtmlRenderer : Renderer).Read(ArticlePath, Encoding.UTF8.GetBytes(text), isPage: false, diagnostics);
            AssertWellFormed(diagnostics.ToSortedList(), ArticlePath, text);
            if (article is not null)
            {
                AssertNoControlCharacters(article.Content.Html, "the body HTML");
                AssertNoControlCharacters(article.Summary, "the summary");
            }
        }, iter: 500);

    [Fact]
    public void SettingsNeverThrowAndReportWithinTheFile()
    {
        using var folder = new TempFolder();
        Gen.Select(HostileGen.SettingsYaml, HostileGen.Overrides).Sample((yaml, overrides) =>
        {
            var site = Path.Combine(folder.Path, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(site);
            // Encoding.UTF8 writes a lone surrogate as U+FFFD, as an editor would; the positions are those of the file written.
            var bytes = Encoding.UTF8.GetBytes(yaml);
            File.WriteAllBytes(Path.Combine(site, SiteLayout.SettingsFile), bytes);
            var diagnostics = new DiagnosticBag();
            var settings = SettingsLoader.Load(site, overrides, diagnostics);
            Directory.Delete(site, recursive: true);

            var reported = diagnostics.ToSortedList();
            AssertWellFormed(reported.Where(d => d.Path != "--set"), SiteLayout.SettingsFile, Encoding.UTF8.GetString(bytes));
            Assert.All(reported.Where(d => d.Path == "--set"), d => Assert.Equal(0, d.Line));
            Assert.True(settings.PageSize > 0 && settings.FeedSize > 0, "A setting out of range was kept.");
        }, iter: 2_000);
    }

    /// <summary>A whole build of a small site with a hostile article and settings: no exception, no control character in any page or feed.</summary>
    [Fact]
    public void SiteBuildNeverThrowsAndKeepsControlCharactersOutOfOutput() =>
        Gen.Select(HostileGen.ArticleText, HostileGen.ArticleWithHostileBody, HostileGen.SettingsYaml, HostileGen.FileName).Sample((article, body, yaml, name) =>
        {
            using var site = new InlineSite("-- input/articles/good.md --\n---\ntitle: Good\ndate: 2026-11-03\ntags: [a]\n---\nGood.");
            site.Write(SiteLayout.SettingsFile, yaml);
            site.Write("input/articles/" + name, article);
            site.Write("input/articles/body.md", body);
            var result = site.Build();

            foreach (var diagnostic in result.Diagnostics)
            {
                var file = Path.Combine(site.SiteDirectory, diagnostic.Path);
                AssertWellFormed([diagnostic], diagnostic.Path, File.Exists(file) ? File.ReadAllText(file) : null);
            }

            if (Directory.Exists(site.OutputDirectory))
            {
                foreach (var (path, text) in site.AllOutput().Where(f => Path.GetExtension(f.Path) is ".html" or ".xml" or ".json" or ".txt"))
                {
                    AssertNoControlCharacters(text, path);
                }
            }
        }, iter: 40);

    /// <summary>
    /// Code DGnnnn, a message, and a position inside <paramref name="text"/> (line 0 means the whole file). A position
    /// counts as inside if it is inside under one of the ways lines are counted: newlines after '\r\n' and '\r' are
    /// made '\n' (the reader's view), YAML's own breaks U+0085, U+2028 and U+2029 too (YamlDotNet's view), or '\n'
    /// bytes alone (the view of the NUL and UTF-8 checks, which look at the bytes before they are decoded).
    /// </summary>
    internal static void AssertWellFormed(IEnumerable<Diagnostic> diagnostics, string path, string? text)
    {
        string[][] views = text is null ? [] :
        [
            Normalized(text).Split('\n'),
            Normalized(text).Split(['\n', '\u0085', '\u2028', '\u2029']),
            text.TrimStart('\uFEFF').Split('\n'),
        ];
        foreach (var d in diagnostics)
        {
            Assert.Matches(Code(), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Message), $"{d}: no message.");
            Assert.Equal(path, d.Path);
            Assert.True(d.Line >= 0 && d.Column >= 0, $"{d}: a negative position.");
            if (views.Length > 0 && d.Line > 0)
            {
                // Columns are held only to the longest line: YamlDotNet's columns on long files with odd characters
                // can pass the end of their own line (left for now; the line is right).
                Assert.True(
                    views.Any(lines => d.Line <= lines.Length && d.Column <= lines.Max(l => l.Length) + 1),
                    $"{d}: line {d.Line}, column {d.Column} is outside a file of {views[0].Length} lines.");
            }
        }
    }

    internal static void AssertNoControlCharacters(string text, string where)
    {
        var at = text.AsSpan().IndexOfAny(ForbiddenInOutput);
        Assert.True(at < 0, $"{where} holds U+{(at < 0 ? 0 : text[at]):X4} at {at}.");
    }

    /// <summary>What HTML and XML 1.0 cannot carry: C0 controls but tab and newlines, DEL, C1 controls, U+FFFE and U+FFFF.</summary>
    private static readonly System.Buffers.SearchValues<char> ForbiddenInOutput = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// <summary>The text as the reader sees it: newlines made '\n', so that lines count as diagnostics count them.</summary>
    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');

    private static ArticleReader Reader(MarkdownRenderer renderer) => new(Settings, renderer, DirectoryDefaults.Empty, new ContentStore());

    [GeneratedRegex(@"^DG\d{4}$")]
    private static partial Regex Code();
}
