using System.Buffers;
using System.Text.RegularExpressions;
using Digest.Bodies;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;

namespace Digest.Fuzz;

/// <summary>
/// What each fuzz target feeds the input to. A target throws, and afl-fuzz records a crash, when Digest throws anything
/// or when a diagnostic is malformed (no DGnnnn code, a position past the end of the file) or a control character
/// reaches the HTML.
/// </summary>
internal static partial class FuzzTargets
{
    private const string ArticlePath = "input/articles/a.md";
    private const string Header = "---\ntitle: T\ndate: 2026-11-03\n---\n";

    private static readonly SiteSettings Settings = new();
    private static readonly MarkdownRenderer Renderer = new(allowHtml: true, basePath: "/repo");
    private static readonly string SiteFolder = Path.Combine(Path.GetTempPath(), $"digest-fuzz-{Environment.ProcessId}");

    /// <summary>What HTML and XML 1.0 cannot carry: C0 controls but tab and newlines, DEL, C1 controls, U+FFFE and U+FFFF.</summary>
    private static readonly SearchValues<char> ForbiddenInOutput = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\uFFFE', '\uFFFF']);

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
            NoControlCharacters(article.Content.Html, "the body HTML");
            NoControlCharacters(article.Summary, "the summary");
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
        WellFormed(diagnostics, SiteLayout.SettingsFile, bytes);
    }

    private static Article? ReadArticle(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var reader = new ArticleReader(Settings, Renderer, DirectoryDefaults.Empty, new ContentStore());
        var article = reader.Read(ArticlePath, bytes, isPage: false, diagnostics);
        WellFormed(diagnostics, ArticlePath, bytes);
        return article;
    }

    private static void WellFormed(DiagnosticBag diagnostics, string path, byte[] bytes)
    {
        // Every line break any part of Digest counts (YamlDotNet counts U+0085, U+2028 and U+2029 too): a position
        // past all of them is past the end of the file.
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var lines = 1 + text.Count(c => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029');
        foreach (var d in diagnostics.ToSortedList())
        {
            if (!Code().IsMatch(d.Code) || d.Path != path || d.Line < 0 || d.Column < 0 || d.Line > lines || d.Message.Length == 0)
            {
                throw new InvalidOperationException($"A malformed diagnostic for a file of {lines} lines: {d}");
            }
        }
    }

    private static void NoControlCharacters(string text, string where)
    {
        var at = text.AsSpan().IndexOfAny(ForbiddenInOutput);
        if (at >= 0)
        {
            throw new InvalidOperationException($"{where} holds U+{(int)text[at]:X4}.");
        }
    }

    private static byte[] ReadAll(Stream input)
    {
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"^DG\d{4}$")]
    private static partial Regex Code();
}
