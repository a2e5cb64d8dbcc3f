using System.Globalization;
using System.Text;
using AnyAscii;

namespace Digest.Content;

/// <summary>URL slugs: NFC, transliterated to ASCII (Armenian and Cyrillic included), lower case, dashes.</summary>
public static class Slugs
{
    private const int MaxLength = 80;

    /// <summary>The slug of <paramref name="text"/>, or "" when nothing usable is left.</summary>
    public static string Slugify(string text)
    {
        var ascii = text.Normalize(NormalizationForm.FormC).Transliterate();
        var builder = new StringBuilder(ascii.Length);
        var pendingDash = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (c != '\'' && c != '’')
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > MaxLength / 2 ? cut : MaxLength)];
        }

        return slug;
    }

    /// <summary>A slug that is never empty: falls back to a stable hash of the text.</summary>
    public static string SlugifyNonEmpty(string text, string prefix)
    {
        var slug = Slugify(text);
        return slug.Length > 0 ? slug : prefix + "-" + StableHash(text);
    }

    private static string StableHash(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..8].ToString(CultureInfo.InvariantCulture);
    }
}
