using System.Globalization;
using System.Text;

namespace Digest.Localization;

/// <summary>
/// The interface text of one language: strings by key, plural forms, month names and the formats of dates, times and
/// numbers. A key this language lacks is looked up in its fallback (English, the theme's own language).
/// </summary>
public sealed class UiStrings
{
    private readonly IReadOnlyDictionary<string, UiEntry> _entries;
    private readonly UiStrings? _fallback;

    internal UiStrings(string language, IReadOnlyDictionary<string, UiEntry> entries, UiStrings? fallback)
    {
        Language = language;
        _entries = entries;
        _fallback = fallback;
    }

    public string Language { get; }

    /// <summary>The language's own name, for a language switcher: "Русский".</summary>
    public string Name => Find("language_name")?.Text ?? Language;

    public bool Contains(string key) => Find(key) is not null;

    /// <summary>The string of <paramref name="key"/> with its <c>{name}</c> placeholders filled in, or null when no language has the key.</summary>
    public string? Text(string key, IReadOnlyDictionary<string, string>? values = null) =>
        Find(key) is { } entry ? Fill(entry.Text ?? entry.Form(PluralRules.Category(Language, 0)) ?? "", values) : null;

    /// <summary>
    /// The form of <paramref name="key"/> this language uses for <paramref name="count"/>, with <c>{count}</c> written
    /// as a number of this language: "5 минут", "1 minute". A key without plural forms is used as it is.
    /// </summary>
    public string? Plural(string key, long count, IReadOnlyDictionary<string, string>? values = null)
    {
        if (Find(key) is not { } entry)
        {
            return null;
        }

        var text = entry.Text ?? entry.Form(PluralRules.Category(Language, count)) ?? entry.Form("other") ?? "";
        var all = new Dictionary<string, string>(values ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["count"] = Number(count),
        };
        return Fill(text, all);
    }

    /// <summary>A whole number with this language's thousands separator: 12,345 or 12 345.</summary>
    public string Number(long value)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var separator = Find("number_group_separator")?.Text ?? "";
        if (digits.Length <= 4 || separator.Length == 0)
        {
            // Four-digit numbers stay together, as most style guides (and CLDR for Russian) write them: 2021, 1500.
            return value < 0 ? "-" + digits : digits;
        }

        var grouped = new StringBuilder(value < 0 ? "-" : "");
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                grouped.Append(separator);
            }

            grouped.Append(digits[i]);
        }

        return grouped.ToString();
    }

    /// <summary>A day as this language writes it in running text: "17 November 2021", "17 ноября 2021".</summary>
    public string Date(DateTime date) => FillDate(Find("date_format")?.Text ?? "{day} {month} {year}", date);

    /// <summary>A month as a heading: "November 2021", "Ноябрь 2021".</summary>
    public string Month(DateTime date) => FillDate(Find("month_format")?.Text ?? "{month} {year}", date);

    /// <summary>A time of day on the 24-hour clock wires use: "09:05".</summary>
    public string Time(DateTime time) => FillDate(Find("time_format")?.Text ?? "{hour}:{minute}", time);

    private string FillDate(string format, DateTime date) => Fill(format, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        ["month"] = MonthName("months", date.Month),
        ["month_genitive"] = MonthName("months_genitive", date.Month),
        ["year"] = date.Year.ToString(CultureInfo.InvariantCulture),
        ["hour"] = date.Hour.ToString("00", CultureInfo.InvariantCulture),
        ["minute"] = date.Minute.ToString("00", CultureInfo.InvariantCulture),
    });

    private string MonthName(string key, int month) =>
        Find(key)?.Names is { Count: 12 } names ? names[month - 1]
        : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private UiEntry? Find(string key) => _entries.TryGetValue(key, out var entry) ? entry : _fallback?.Find(key);

    /// <summary>Replaces each <c>{name}</c> that <paramref name="values"/> has; any other brace is kept as written.</summary>
    private static string Fill(string text, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null || values.Count == 0 || !text.Contains('{'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, open - i);
            var name = text[(open + 1)..close];
            result.Append(values.TryGetValue(name, out var value) ? value : text[open..(close + 1)]);
            i = close + 1;
        }

        return result.ToString();
    }
}

/// <summary>One key's value: a string, plural forms by CLDR category, or a list of names (months).</summary>
internal sealed record UiEntry(string? Text, IReadOnlyDictionary<string, string>? Forms, IReadOnlyList<string>? Names)
{
    public string? Form(string category) => Forms?.GetValueOrDefault(category);
}
