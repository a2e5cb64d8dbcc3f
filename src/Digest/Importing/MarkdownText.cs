using System.Text;

namespace Digest.Importing;

/// <summary>Plain text made into Markdown that shows exactly that text: nothing in a wire story turns into markup.</summary>
internal static class MarkdownText
{
    /// <summary>Characters that are markup anywhere in a line (emphasis, links, code, HTML, entities, escapes, tables).</summary>
    private const string Inline = "\\`*_[]<>&|~";

    /// <summary>The text as Markdown; lines are expected without leading blanks (four would start a code block).</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart)
            {
                var digits = NumberedItemDigits(text.AsSpan(i));
                if (digits > 0)
                {
                    // "1. " and "12) " would open an ordered list: escape the mark after the number.
                    builder.Append(text, i, digits).Append('\\').Append(text[i + digits]);
                    i += digits;
                    lineStart = false;
                    continue;
                }

                // Headings, bullets, rules and setext underlines ('>' of a quote is escaped as inline markup below).
                if (c is '#' or '-' or '+' or '=')
                {
                    builder.Append('\\');
                }
            }

            if (Inline.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = c == '\n';
        }

        return builder.ToString();
    }

    private static int NumberedItemDigits(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')'
            && (digits + 1 == text.Length || text[digits + 1] is ' ' or '\t' or '\n') ? digits : 0;
    }
}
