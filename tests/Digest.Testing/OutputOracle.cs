using System.Text.RegularExpressions;
using Digest.Diagnostics;

namespace Digest.Testing;

/// <summary>
/// What hostile input may make Digest say and write: well-formed diagnostics, and no character HTML or XML cannot
/// carry. The property tests and the fuzz harness (fuzz/Digest.Fuzz) judge by the same rules.
/// </summary>
public static partial class OutputOracle
{
    /// <summary>
    /// Code DGnnnn, a message, and a position inside <paramref name="text"/> (line 0 means the whole file). A position
    /// counts as inside if it is inside under one of the ways lines are counted: newlines after '\r\n' and '\r' are
    /// made '\n' (the reader's view), YAML's own breaks U+0085, U+2028 and U+2029 too (YamlDotNet's view), or '\n'
    /// bytes alone (the view of the NUL and UTF-8 checks, which look at the bytes before they are decoded).
    /// </summary>
    public static void AssertWellFormed(IEnumerable<Diagnostic> diagnostics, string path, string? text)
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

    public static void AssertNoControlCharacters(string text, string where)
    {
        var at = text.AsSpan().IndexOfAny(ForbiddenInOutput);
        Assert.True(at < 0, $"{where} holds U+{(at < 0 ? 0 : text[at]):X4} at {at}.");
    }

    /// <summary>What HTML and XML 1.0 cannot carry: C0 controls but tab and newlines, DEL, C1 controls, U+FFFE and U+FFFF.</summary>
    private static readonly System.Buffers.SearchValues<char> ForbiddenInOutput = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// <summary>The text as the reader sees it: newlines made '\n', so that lines count as diagnostics count them.</summary>
    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');

    [GeneratedRegex(@"^DG\d{4}$")]
    private static partial Regex Code();
}
