namespace Digest.Diagnostics;

/// <summary>One problem found in a site, positioned in the file that caused it.</summary>
/// <param name="Path">Site-relative path with forward slashes (or an absolute path outside the site).</param>
/// <param name="Line">1-based line, 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary><c>path:line:col: error DGnnnn: message</c>, the form compilers and editors understand.</summary>
    public override string ToString()
    {
        var position = Line > 0 ? $"{Path}:{Line}:{Math.Max(Column, 1)}" : Path;
        var severity = Severity == Severity.Error ? "error" : "warning";
        return Printable($"{position}: {severity} {Code}: {Message}");
    }

    /// <summary>
    /// The text with every control character written as <c>\u001B</c>: a file name, a setting or a value quoted from a
    /// file must never reach a console raw, where an escape sequence would recolour, retitle or rewrite it.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
