using System.Text;
using UtfUnknown;

namespace Digest.Importing;

/// <summary>What a file's bytes say, and the encoding that was guessed when they did not say it themselves.</summary>
/// <param name="Guessed">The name of the legacy encoding the detector chose (windows-1252, koi8-r…), or null for UTF-8 and UTF-16.</param>
public sealed record DecodedText(string Text, string? Guessed);

/// <summary>
/// Decodes imported files: a byte order mark (UTF-8, UTF-16) decides; valid UTF-8 is UTF-8; anything else goes to the
/// charset detector (UTF.Unknown, Mozilla's universal detector), whose guess the importer reports. Newlines become '\n'.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text, or null when no encoding fits (a binary file).</summary>
    public static DecodedText? Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        string? text = null;
        string? guessed = null;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Strict(span[3..]);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(span[2..]);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(span[2..]);
        }
        else if (span.IndexOf((byte)0) < 0 && Strict(span) is { } utf8)
        {
            text = utf8;
        }
        else if (CharsetDetector.DetectFromBytes(bytes).Detected is { Encoding: { } encoding } detected)
        {
            text = encoding.GetString(bytes);
            // UTF-16 without a byte order mark is found by its zero bytes: that is no guess worth a warning.
            guessed = encoding is UnicodeEncoding ? null : detected.EncodingName;
        }

        if (text is null || text.Contains('\0'))
        {
            return null;
        }

        return new DecodedText(text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text, guessed);
    }

    private static string? Strict(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
