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

            OutputOracle.AssertWellFormed(diagnostics.ToSortedList(), ArticlePath, text);
        }, iter: 3_000);

    [Fact]
    public void ArticleReaderNeverThrowsOnHostileFiles() =>
        Gen.Select(HostileGen.ArticleText, HostileGen.FileName, Gen.Bool).Sample((text, name, isPage) =>
        {
            var path = "input/articles/" + name;
            var diagnostics = new DiagnosticBag();
            var article = Reader(Renderer).Read(path, Encoding.UTF8.GetBytes(text), isPage, diagnostics);
            var reported = diagnostics.ToSortedList();
            OutputOracle.AssertWellFormed(reported, path, text);
            Assert.True(article is not null || reported.Any(d => d.Severity == Severity.Error), "An article was dropped without an error.");
        }, iter: 2_000);

    [Fact]
    public void MarkdownPathNeverThrowsAndWritesNoControlCharacters() =>
        Gen.Select(HostileGen.ArticleWithHostileBody, Gen.Bool).Sample((text, allowHtml) =>
        {
            var diagnostics = new DiagnosticBag();
            var article = Reader(allowHtml ? HtmlRenderer : Renderer).Read(ArticlePath, Encoding.UTF8.GetBytes(text), isPage: false, diagnostics);
            OutputOracle.AssertWellFormed(diagnostics.ToSortedList(), ArticlePath, text);
            if (article is not null)
            {
                OutputOracle.AssertNoControlCharacters(article.Content.Html, "the body HTML");
                OutputOracle.AssertNoControlCharacters(article.Summary, "the summary");
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
            OutputOracle.AssertWellFormed(reported.Where(d => d.Path != "--set"), SiteLayout.SettingsFile, Encoding.UTF8.GetString(bytes));
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
                OutputOracle.AssertWellFormed([diagnostic], diagnostic.Path, File.Exists(file) ? File.ReadAllText(file) : null);
            }

            if (Directory.Exists(site.OutputDirectory))
            {
                foreach (var (path, text) in site.AllOutput().Where(f => Path.GetExtension(f.Path) is ".html" or ".xml" or ".json" or ".txt"))
                {
                    OutputOracle.AssertNoControlCharacters(text, path);
                }
            }
        }, iter: 40);

    private static ArticleReader Reader(MarkdownRenderer renderer) => new(Settings, renderer, DirectoryDefaults.Empty, new ContentStore());
}
