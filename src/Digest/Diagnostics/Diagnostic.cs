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
        return $"{position}: {severity} {Code}: {Message}";
    }
}
