namespace Digest.Checking;

/// <summary>Finds the URLs a piece of CSS loads: <c>url(…)</c> and <c>@import "…"</c>, skipping comments.</summary>
internal static class CssUrls
{
    /// <summary>Adds each URL in <paramref name="css"/> (which starts at <paramref name="start"/> in <paramref name="text"/>).</summary>
    public static void Scan(string text, int start, int end, LineCounter lines, List<Reference> references)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == '/' && i + 1 < end && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal);
                i = close < 0 ? end : close + 2;
            }
            else if ((c is 'u' or 'U') && i + 3 < end && string.Compare(text, i, "url(", 0, 4, StringComparison.OrdinalIgnoreCase) == 0
                && (i == start || !IsIdentifierChar(text[i - 1])))
            {
                i = ReadUrl(text, i + 4, end, ')', lines, references);
            }
            else if (c == '@' && i + 7 < end && string.Compare(text, i, "@import", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var j = i + 7;
                while (j < end && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                // "@import url(x)" is handled by the url( branch on the next turn.
                i = j < end && text[j] is '"' or '\'' ? ReadQuoted(text, j, end, lines, references) : j;
            }
            else
            {
                i++;
            }
        }
    }

    private static int ReadUrl(string text, int i, int end, char close, LineCounter lines, List<Reference> references)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i < end && text[i] is '"' or '\'')
        {
            i = ReadQuoted(text, i, end, lines, references);
            var after = text.IndexOf(close, i, end - i);
            return after < 0 ? end : after + 1;
        }

        var stop = text.IndexOf(close, i, end - i);
        stop = stop < 0 ? end : stop;
        Add(text, i, text.AsSpan(i, stop - i).Trim().ToString(), lines, references);
        return stop + 1;
    }

    private static int ReadQuoted(string text, int quoteAt, int end, LineCounter lines, List<Reference> references)
    {
        var quote = text[quoteAt];
        var stop = text.IndexOf(quote, quoteAt + 1, end - quoteAt - 1);
        stop = stop < 0 ? end : stop;
        Add(text, quoteAt + 1, text[(quoteAt + 1)..stop], lines, references);
        return Math.Min(stop + 1, end);
    }

    private static void Add(string text, int offset, string url, LineCounter lines, List<Reference> references)
    {
        if (url.Length > 0)
        {
            var (line, column) = lines.At(Math.Min(offset, text.Length));
            references.Add(new Reference(url, ReferenceKind.CssUrl, line, column));
        }
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
