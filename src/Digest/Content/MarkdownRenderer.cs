using System.Text;
using Digest.Files;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Digest.Content;

/// <summary>The one Markdown pipeline of a build, built once and shared by every thread.</summary>
internal sealed class MarkdownRenderer
{
    private const string MoreMarker = "<!-- more -->";
    private const int WordsPerMinute = 220;

    /// <summary>
    /// A summary made from the first paragraph stops after this many words, as Hugo's does after 70: every list page,
    /// feed and card repeats it, so a paragraph of megabytes would otherwise be copied into each of them.
    /// </summary>
    public const int MaxSummaryWords = 120;

    private readonly MarkdownPipeline _pipeline;
    private readonly string _basePath;

    /// <param name="allowHtml">When false, raw HTML in Markdown is shown as text, not interpreted.</param>
    /// <param name="basePath">The base URL's path ("" or "/repo"), put before root-relative links.</param>
    public MarkdownRenderer(bool allowHtml, string basePath)
    {
        // Autolinks and generic attributes are left out on purpose: the first made parsing 2.5x slower,
        // the second would let content add attributes such as onclick.
        var builder = new MarkdownPipelineBuilder()
            .UseAbbreviations()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .UseCitations()
            .UseDefinitionLists()
            .UseEmphasisExtras()
            .UseFigures()
            .UseFooters()
            .UseFootnotes()
            .UseGridTables()
            .UsePipeTables()
            .UseListExtras()
            .UseTaskLists();
        if (!allowHtml)
        {
            builder.DisableHtml();
        }

        _pipeline = builder.Build();
        _basePath = basePath;
    }

    public RenderedMarkdown Render(string markdown)
    {
        string? moreSummary = null;
        var marker = markdown.IndexOf(MoreMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            moreSummary = PlainText(Markdown.Parse(markdown[..marker], _pipeline));
            markdown = markdown.Remove(marker, MoreMarker.Length);
        }

        var document = Markdown.Parse(markdown, _pipeline);
        var firstParagraph = RewriteLinks(document);
        // Markdig's own ToHtml rents a renderer from the pipeline: a new HtmlRenderer per article cost more than parsing.
        // Character references such as '&#x1b;' decode to control characters that HTML and XML cannot carry.
        var html = SourceText.WithoutControlCharacters(document.ToHtml(_pipeline));
        var summary = SourceText.WithoutControlCharacters(moreSummary ?? (firstParagraph is null ? "" : InlineText(firstParagraph.Inline)));
        return new RenderedMarkdown(html, summary, CountWords(markdown));
    }

    public static int ReadingMinutes(int words) => Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute);

    /// <summary>
    /// Root-relative links get the base path; script URLs are neutralised, autolinks to them become plain text.
    /// One walk of the tree, which also finds the first paragraph (the summary when there is none).
    /// </summary>
    private ParagraphBlock? RewriteLinks(MarkdownDocument document)
    {
        ParagraphBlock? firstParagraph = null;
        List<AutolinkInline>? unsafeAutolinks = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case ParagraphBlock paragraph:
                    firstParagraph ??= paragraph;
                    break;
                case LinkInline link:
                    link.Url = SafeUrl(link.Url);
                    break;
                case AutolinkInline { IsEmail: false } autolink when SafeUrl(autolink.Url) != autolink.Url:
                    (unsafeAutolinks ??= []).Add(autolink);
                    break;
            }
        }

        foreach (var autolink in unsafeAutolinks ?? [])
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        return firstParagraph;
    }

    private string? SafeUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (!LinkSchemes.IsSafe(url))
        {
            return "#";
        }

        var trimmed = url.Trim();
        return trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) ? _basePath + trimmed : url;
    }

    private static string PlainText(MarkdownDocument document) =>
        string.Join(" ", document.Descendants<LeafBlock>().Where(b => b.Inline is not null).Select(b => InlineText(b.Inline, int.MaxValue)))
            .Trim();

    /// <summary>The text of inline content without markup, for summaries: at most <paramref name="maxWords"/> words, then '…'.</summary>
    private static string InlineText(ContainerInline? container, int maxWords = MaxSummaryWords)
    {
        if (container is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        // Words are rarely longer than 30 characters: enough text is gathered without copying the whole paragraph.
        var enough = maxWords == int.MaxValue ? int.MaxValue : (maxWords + 1) * 32;
        AppendText(container, builder, enough);
        var words = builder.ToString().Split((char[]?)null, maxWords == int.MaxValue ? int.MaxValue : maxWords + 1, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= maxWords ? string.Join(' ', words) : string.Join(' ', words.Take(maxWords)) + " …";
    }

    private static void AppendText(ContainerInline container, StringBuilder builder, int enough)
    {
        foreach (var inline in container)
        {
            if (builder.Length >= enough)
            {
                return;
            }

            switch (inline)
            {
                case LiteralInline literal: builder.Append(literal.Content.AsSpan()); break;
                case CodeInline code: builder.Append(code.Content); break;
                case LineBreakInline: builder.Append(' '); break;
                case HtmlEntityInline entity: builder.Append(entity.Transcoded.AsSpan()); break;
                case ContainerInline child: AppendText(child, builder, enough); break;
            }
        }
    }

    private static int CountWords(string markdown)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in markdown)
        {
            var isWordChar = char.IsAsciiLetterOrDigit(c) || (!char.IsAscii(c) && char.IsLetterOrDigit(c));
            if (isWordChar && !inWord)
            {
                words++;
            }

            inWord = isWordChar || (inWord && (c == '\'' || c == '-' || c == '’'));
        }

        return words;
    }
}

internal sealed record RenderedMarkdown(string Html, string Summary, int WordCount);
