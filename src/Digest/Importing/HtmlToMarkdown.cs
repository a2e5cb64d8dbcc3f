using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Digest.Importing;

/// <summary>
/// A feed item's HTML made safe and written as Markdown. HtmlSanitizer removes what could run or load (scripts, styles,
/// frames, event attributes, <c>javascript:</c> links) with its content; what is left is written as Markdown, its text
/// escaped, so the article reads the same with <c>allow_html</c> off or on.
/// </summary>
public static class HtmlToMarkdown
{
    /// <summary>Containers that are dropped but whose content is kept.</summary>
    private static readonly string[] Transparent = ["div", "span", "section", "article", "figure", "figcaption", "main", "header", "footer", "table", "thead", "tbody", "tr", "td", "th", "u", "small", "sup", "sub"];

    private static readonly string[] Formatting = ["p", "br", "hr", "a", "em", "i", "strong", "b", "code", "pre", "blockquote", "ul", "ol", "li", "img", "h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>The Markdown blocks of <paramref name="html"/>; relative links are resolved against <paramref name="baseUrl"/>.</summary>
    public static IReadOnlyList<string> Convert(string html, string baseUrl)
    {
        using var document = Sanitizer().SanitizeDom(html, Uri.TryCreate(baseUrl, UriKind.Absolute, out _) ? baseUrl : "");
        var blocks = new List<string>();
        var inline = new StringBuilder();
        Blocks(document.Body!.ChildNodes, blocks, inline);
        Flush(blocks, inline);
        return blocks;
    }

    /// <summary>The text of an HTML title or summary, without its markup (and without what the sanitiser removes, such as scripts).</summary>
    public static string PlainText(string html)
    {
        using var document = Sanitizer().SanitizeDom(html, "");
        return document.Body!.TextContent;
    }

    /// <summary>One sanitizer per call: it holds mutable option sets and is not documented as thread-safe.</summary>
    private static HtmlSanitizer Sanitizer() => new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>([.. Formatting, .. Transparent], StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(["href", "src", "alt", "title"], StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
    });

    /// <summary>Walks block content: each block element ends the running paragraph and adds its own blocks.</summary>
    private static void Blocks(INodeList nodes, List<string> blocks, StringBuilder inline)
    {
        foreach (var node in nodes)
        {
            if (node is not IElement element || !IsBlock(element))
            {
                Inline(node, inline);
                continue;
            }

            Flush(blocks, inline);
            var name = element.LocalName;
            switch (name)
            {
                case "p":
                    Blocks(element.ChildNodes, blocks, inline);
                    break;
                case "hr":
                    blocks.Add("***");
                    break;
                case "pre":
                    var code = element.TextContent.TrimEnd('\n');
                    var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
                    blocks.Add($"{fence}\n{code}\n{fence}");
                    break;
                case ['h', var level and >= '1' and <= '6']:
                    var heading = Text(element);
                    if (heading.Length > 0)
                    {
                        blocks.Add(new string('#', level - '0') + " " + heading);
                    }

                    break;
                case "blockquote":
                    var quoted = Nested(element.ChildNodes);
                    if (quoted.Length > 0)
                    {
                        blocks.Add(Prefix(quoted, "> ", "> "));
                    }

                    break;
                case "ul" or "ol":
                    var items = new List<string>();
                    var number = 1;
                    foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                    {
                        var marker = name == "ul" ? "- " : $"{number++}. ";
                        var content = Nested(item.ChildNodes);
                        items.Add(Prefix(content.Length > 0 ? content : "", marker, new string(' ', marker.Length)));
                    }

                    if (items.Count > 0)
                    {
                        blocks.Add(string.Join('\n', items));
                    }

                    break;
                default:
                    Blocks(element.ChildNodes, blocks, inline);
                    break;
            }

            Flush(blocks, inline);
        }
    }

    private static void Inline(INode node, StringBuilder inline)
    {
        if (node is IText text)
        {
            inline.Append(MarkdownText.Escape(Collapse(text.Data, inline.Length == 0 || inline[^1] == ' ')));
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "br":
                inline.Append("\\\n");
                break;
            case "em" or "i":
                Wrap(element, inline, "*");
                break;
            case "strong" or "b":
                Wrap(element, inline, "**");
                break;
            case "code":
                var code = element.TextContent;
                if (code.Contains('`', StringComparison.Ordinal) || code.Contains('\n', StringComparison.Ordinal))
                {
                    inline.Append(MarkdownText.Escape(Collapse(code, false)));
                }
                else if (code.Length > 0)
                {
                    inline.Append('`').Append(code).Append('`');
                }

                break;
            case "a":
                var label = Text(element);
                var href = element.GetAttribute("href");
                if (string.IsNullOrEmpty(href))
                {
                    inline.Append(label);
                }
                else
                {
                    inline.Append('[').Append(label.Length > 0 ? label : MarkdownText.Escape(href)).Append("](").Append(Destination(href)).Append(')');
                }

                break;
            case "img":
                if (element.GetAttribute("src") is { Length: > 0 } src)
                {
                    inline.Append("![").Append(MarkdownText.Escape(Collapse(element.GetAttribute("alt") ?? "", false))).Append("](").Append(Destination(src)).Append(')');
                }

                break;
            default:
                foreach (var child in element.ChildNodes)
                {
                    Inline(child, inline);
                }

                break;
        }
    }

    private static void Wrap(IElement element, StringBuilder inline, string mark)
    {
        var text = Text(element);
        if (text.Length > 0)
        {
            inline.Append(mark).Append(text).Append(mark);
        }
    }

    /// <summary>The inline Markdown of an element's content, on one line.</summary>
    private static string Text(IElement element)
    {
        var inline = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            Inline(child, inline);
        }

        return inline.ToString().Trim();
    }

    /// <summary>The blocks inside a quote or a list item, one blank line between them.</summary>
    private static string Nested(INodeList nodes)
    {
        var blocks = new List<string>();
        var inline = new StringBuilder();
        Blocks(nodes, blocks, inline);
        Flush(blocks, inline);
        return string.Join("\n\n", blocks);
    }

    private static void Flush(List<string> blocks, StringBuilder inline)
    {
        var text = inline.ToString().Trim();
        if (text.EndsWith('\\'))
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Length > 0)
        {
            blocks.Add(text);
        }

        inline.Clear();
    }

    private static bool IsBlock(IElement element) => element.LocalName is "p" or "div" or "section" or "article" or "main" or "header"
        or "footer" or "figure" or "figcaption" or "table" or "thead" or "tbody" or "tr" or "td" or "th" or "hr" or "pre" or "blockquote"
        or "ul" or "ol" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>Runs of white space as one space; none at the start of a paragraph.</summary>
    private static string Collapse(string text, bool atStart)
    {
        var builder = new StringBuilder(text.Length);
        var space = atStart;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    builder.Append(' ');
                }

                space = true;
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>A link destination that Markdown reads whole: spaces, brackets and parentheses percent-encoded.</summary>
    private static string Destination(string url) =>
        url.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);

    private static string Prefix(string text, string first, string rest)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Select((line, i) => (i == 0 ? first : line.Length == 0 ? rest.TrimEnd() : rest) + line));
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
