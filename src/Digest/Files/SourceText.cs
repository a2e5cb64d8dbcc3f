using System.Buffers;
using System.Text;
using Digest.Diagnostics;

namespace Digest.Files;

/// <summary>Decodes an input file strictly as UTF-8, reporting where it is not.</summary>
internal static class SourceText
{
    /// <summary>Larger files are refused: no news article is this big, and it protects the build's memory.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Control characters other than tab and newlines: HTML and XML 1.0 cannot carry them, a console obeys them.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\uFFFE\uFFFF");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text with '\n' newlines and no BOM, or null after reporting why not.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string path, DiagnosticBag diagnostics)
    {
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.FileTooLarge,
                $"the file is {bytes.Length / (1024 * 1024)} MiB, more than the {MaxBytes / (1024 * 1024)} MiB limit. Split it or remove embedded data.");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.NotUtf8,
                "the file is UTF-16, not UTF-8. Save it as UTF-8 in your editor.");
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (nulLine, nulColumn) = Position(bytes, nul);
            diagnostics.Error(path, nulLine, nulColumn, DiagnosticCodes.BinaryFile,
                "the file holds a NUL byte, so it is a binary file (or UTF-16 without a byte order mark), not Markdown. Move it out of the articles or save it as UTF-8 text.");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = Position(bytes, ex.Index < 0 ? 0 : ex.Index);
            diagnostics.Error(path, line, column, DiagnosticCodes.NotUtf8,
                "the file is not valid UTF-8 (it may be Windows-1251, Latin-1 or another legacy encoding). Save it as UTF-8 in your editor.");
            return null;
        }

        text = text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        var control = text.AsSpan().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            var before = text.AsSpan(0, control);
            diagnostics.Warning(path, 1 + before.Count('\n'), 1 + control - (before.LastIndexOf('\n') + 1), DiagnosticCodes.ControlCharacters,
                $"the file holds the control character U+{(int)text[control]:X4} (a terminal escape or a copy-paste leftover); Digest shows it as \uFFFD. Delete it from the file.");
            text = ReplaceControls(text);
        }

        return text;
    }

    /// <summary>The text with every control character but tab and newline shown as U+FFFD (YAML's "\e" escapes make them too).</summary>
    public static string WithoutControlCharacters(string text) => text.AsSpan().IndexOfAny(ControlCharacters) < 0 ? text : ReplaceControls(text);

    private static string ReplaceControls(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        source.CopyTo(span);
        int at;
        while ((at = span.IndexOfAny(ControlCharacters)) >= 0)
        {
            span[at] = '\uFFFD';
            span = span[(at + 1)..];
        }
    });

    /// <summary>Line and column of a byte offset: the first invalid byte of an otherwise decodable prefix.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var line = 1 + before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = 1 + Encoding.UTF8.GetCharCount(before[lineStart..]);
        return (line, column);
    }
}
