namespace Digest.Localization;

/// <summary>
/// CLDR's plural categories for whole numbers (<c>one</c>, <c>few</c>, <c>many</c>, <c>other</c>): which form of
/// "{count} articles" a language uses for a count. Languages not listed here follow English.
/// </summary>
public static class PluralRules
{
    public static string Category(string language, long count)
    {
        var n = Math.Abs(count);
        return BaseLanguage(language) switch
        {
            "ru" or "uk" or "be" => n % 10 == 1 && n % 100 != 11 ? "one"
                : n % 10 is >= 2 and <= 4 && n % 100 is not (>= 12 and <= 14) ? "few"
                : "many",
            "pl" => n == 1 ? "one" : n % 10 is >= 2 and <= 4 && n % 100 is not (>= 12 and <= 14) ? "few" : "many",
            "cs" or "sk" => n == 1 ? "one" : n is >= 2 and <= 4 ? "few" : "other",
            // Armenian and French: 0 and 1 take the singular.
            "hy" or "fr" => n is 0 or 1 ? "one" : "other",
            "ja" or "zh" or "ko" or "vi" or "th" or "id" or "ms" => "other",
            _ => n == 1 ? "one" : "other",
        };
    }

    /// <summary>"ru" for "ru-RU" or "ru_RU", lower case.</summary>
    public static string BaseLanguage(string language)
    {
        var end = language.IndexOfAny(['-', '_']);
        return (end < 0 ? language : language[..end]).ToLowerInvariant();
    }
}
