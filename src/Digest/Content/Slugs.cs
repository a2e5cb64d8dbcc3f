using System.Text;
using AnyAscii;

namespace Digest.Content;

/// <summary>URL slugs: NFC, transliterated to ASCII (Armenian and Cyrillic included), lower case, dashes.</summary>
public static class Slugs
{
    private const int MaxLength = 80;

    /// <summary>Canonical compositions of Cyrillic letters whose transliteration differs from their base letter's.</summary>
    private static readonly Dictionary<(char Base, char Mark), char> CyrillicCompositions = new()
    {
        [('И', '\u0306')] = 'Й',
        [('и', '\u0306')] = 'й',
        [('Е', '\u0308')] = 'Ё',
        [('е', '\u0308')] = 'ё',
        [('І', '\u0308')] = 'Ї',
        [('і', '\u0308')] = 'ї',
        [('У', '\u0306')] = 'Ў',
        [('у', '\u0306')] = 'ў',
        [('Г', '\u0301')] = 'Ѓ',
        [('г', '\u0301')] = 'ѓ',
        [('К', '\u0301')] = 'Ќ',
        [('к', '\u0301')] = 'ќ',
        [('Е', '\u0300')] = 'Ѐ',
        [('е', '\u0300')] = 'ѐ',
        [('И', '\u0300')] = 'Ѝ',
        [('и', '\u0300')] = 'ѝ',
        [('Ж', '\u0306')] = 'Ӂ',
        [('ж', '\u0306')] = 'ӂ',
    };

    /// <summary>The slug of a tag's or category's page: names with the same one share that page.</summary>
    public static string OfTerm(string name, bool isTag) => SlugifyNonEmpty(name, isTag ? "tag" : "category");

    /// <summary>The slug of <paramref name="text"/>, or "" when nothing usable is left.</summary>
    public static string Slugify(string text)
    {
        var ascii = ComposeCyrillic(text).Transliterate();
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

    /// <summary>
    /// The tool runs with invariant globalization, where <see cref="string.Normalize()"/> leaves non-ASCII text as it is,
    /// so it is not called.
    /// Transliteration drops combining marks, which is harmless for Latin (é and e+◌́ both give "e") and Armenian (no
    /// canonical decompositions), but Cyrillic letters with a breve or diaeresis transliterate differently from their
    /// base letter (Й "y" but И "i", Ё "yo" but Е "e"): those are composed here so decomposed input gets the same slug.
    /// </summary>
    private static string ComposeCyrillic(string text)
    {
        if (text.IndexOfAny(['\u0306', '\u0308', '\u0301', '\u0300']) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (builder.Length > 0 && CyrillicCompositions.TryGetValue((builder[^1], c), out var composed))
            {
                builder[^1] = composed;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string StableHash(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..8];
    }
}
