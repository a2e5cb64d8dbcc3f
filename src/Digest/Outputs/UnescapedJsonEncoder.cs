using System.Text.Encodings.Web;

namespace Digest.Outputs;

/// <summary>
/// Escapes what JSON requires (quotes, backslashes, control characters), lone surrogates, and '&lt;', '&gt;' and '&amp;',
/// so that no output file holds markup raw even if it is read as HTML; every other character stays as it is: Cyrillic,
/// Armenian and emoji are readable in the file. The framework's encoders, even the relaxed one, escape characters outside
/// the Basic Multilingual Plane (emoji) as surrogate pairs.
/// </summary>
internal sealed class UnescapedJsonEncoder : JavaScriptEncoder
{
    public static UnescapedJsonEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <summary>Also DEL, the C1 controls and the two noncharacters U+FFFE and U+FFFF, which no output file may hold raw.</summary>
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is < 0x20 or (>= 0x7F and <= 0x9F) or 0xFFFE or 0xFFFF or '"' or '\\' or '<' or '>' or '&';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || WillEncode(c))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        ReadOnlySpan<char> escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            < 0x10000 => $"\\u{unicodeScalar:X4}",
            // Only characters WillEncode names come here; a scalar beyond U+FFFF is written as itself.
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        numberOfCharactersWritten = escaped.Length;
        return escaped.TryCopyTo(output);
    }
}
