using System.Text;
using Digest.Diagnostics;

namespace Digest.Content;

/// <summary>Decodes an input file strictly as UTF-8, reporting where it is not.</summary>
internal static class SourceText
{
    /// <summary>Larger files are refused: no news article is this big, and it protects the build's memory.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

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

        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

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
