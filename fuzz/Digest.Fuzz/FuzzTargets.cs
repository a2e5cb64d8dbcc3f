using Digest.Bodies;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Testing;

namespace Digest.Fuzz;

/// <summary>
/// What each fuzz target feeds the input to. A target throws, and afl-fuzz records a crash, when Digest throws anything
/// or when <see cref="OutputOracle"/> finds a malformed diagnostic or a control character in the HTML: the property
/// tests' own rules.
/// </summary>
internal static class FuzzTargets
{
    private const string ArticlePath = "input/articles/a.md";
    private const string Header = "---\ntitle: T\ndate: 2026-11-03\n---\n";

    private static readonly SiteSettings Settings = new();
    private static readonly MarkdownRenderer Renderer = new(allowHtml: true, basePath: "/repo");
    private static readonly string SiteFolder = Path.Combine(Path.GetTempPath(), $"digest-fuzz-{Environment.ProcessId}");

    public static IReadOnlyList<string> Names { get; } = ["front-matter", "markdown", "settings"];

    public static Action<Stream>? Find(string name) => name switch
    {
        "front-matter" => FrontMatter,
        "markdown" => Markdown,
        "settings" => SettingsFile,
        _ => null,
    };

    /// <summary>The input is a whole article file: front matter, then a body.</summary>
    private static void FrontMatter(Stream input) => ReadArticle(ReadAll(input));

    /// <summary>The input is the body of an article whose front matter is valid.</summary>
    private static void Markdown(Stream input)
    {
        using var bytes = new MemoryStream();
        bytes.Write(System.Text.Encoding.UTF8.GetBytes(Header));
        input.CopyTo(bytes);
        var article = ReadArticle(bytes.ToArray());
        if (article is not null)
        {
            OutputOracle.AssertNoControlCharacters(article.Content.Html, "the body HTML");
            OutputOracle.AssertNoControlCharacters(article.Summary, "the summary");
        }
    }

    /// <summary>The input is a digest.yml.</summary>
    private static void SettingsFile(Stream input)
    {
        var bytes = ReadAll(input);
        Directory.CreateDirectory(SiteFolder);
        File.WriteAllBytes(Path.Combine(SiteFolder, SiteLayout.SettingsFile), bytes);
        var diagnostics = new DiagnosticBag();
        SettingsLoader.Load(SiteFolder, [], diagnostics);
        OutputOracle.AssertWellFormed(diagnostics.ToSortedList(), SiteLayout.SettingsFile, System.Text.Encoding.UTF8.GetString(bytes));
    }

    private static Article? ReadArticle(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var reader = new ArticleReader(Settings, Renderer, DirectoryDefaults.Empty, new ContentStore());
        var article = reader.Read(ArticlePath, bytes, isPage: false, diagnostics);
        OutputOracle.AssertWellFormed(diagnostics.ToSortedList(), ArticlePath, System.Text.Encoding.UTF8.GetString(bytes));
        return article;
    }

    private static byte[] ReadAll(Stream input)
    {
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }
}
