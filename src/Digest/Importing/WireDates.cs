using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Content;

namespace Digest.Importing;

/// <summary>
/// The date forms wires and feeds use: "Nov 17 2021", "17 November 2021", "November 17, 2021", "17.11.2021", ISO 8601
/// (<see cref="Dates"/>) and RFC 822 ("Wed, 17 Nov 2021 10:15:00 +0300"). A day or a time without an offset is read in the
/// site's zone.
/// </summary>
public static partial class WireDates
{
    private static readonly string[] DayFormats =
    [
        "MMM d yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMMM d, yyyy", "d MMM yyyy", "d MMMM yyyy", "d MMM, yyyy",
        "d MMMM, yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dddd, MMMM d, yyyy", "dddd, d MMMM yyyy",
    ];

    /// <summary>RFC 822 zone names (section 5.1) beside numeric offsets.</summary>
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0,
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
    };

    public static bool TryParse(string text, TimeZoneInfo zone, out StoryDate date)
    {
        date = default;
        text = text.Trim().TrimEnd('.');
        if (text.Length is < 6 or > 64 || !char.IsAsciiDigit(text[^1]) && !char.IsAsciiLetter(text[^1]))
        {
            return false;
        }

        // "Nov. 17, 2021" (AP style) reads as "Nov 17, 2021".
        var plain = AbbreviationDot().Replace(text, "$1");
        if (DateTime.TryParseExact(plain, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var day))
        {
            return Dates.TryInZone(day, zone, out var midnight) && Set(new StoryDate(midnight, HasTime: false), out date);
        }

        if (Rfc822().Match(text) is { Success: true } rfc)
        {
            return TryRfc822(rfc, zone, out date);
        }

        return Dates.TryParse(text, zone, out var instant) && Set(StoryDate.At(instant, zone), out date);
    }

    private static bool TryRfc822(Match match, TimeZoneInfo zone, out StoryDate date)
    {
        date = default;
        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        year += year < 100 ? (year < 50 ? 2000 : 1900) : 0;
        var stamp = $"{match.Groups["day"].Value} {match.Groups["month"].Value} {year} {match.Groups["time"].Value}";
        if (!DateTime.TryParseExact(stamp, ["d MMM yyyy H:mm", "d MMM yyyy H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var zoneText = match.Groups["zone"].Value;
        if (zoneText.Length == 0)
        {
            return Dates.TryInZone(local, zone, out var inZone) && Set(new StoryDate(inZone, HasTime: true), out date);
        }

        TimeSpan offset;
        if (ZoneHours.TryGetValue(zoneText, out var hours))
        {
            offset = TimeSpan.FromHours(hours);
        }
        else
        {
            var sign = zoneText[0] == '-' ? -1 : 1;
            offset = sign * new TimeSpan(int.Parse(zoneText.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(zoneText.AsSpan(3, 2), CultureInfo.InvariantCulture), 0);
            if (offset.Duration() > TimeSpan.FromHours(14))
            {
                return false;
            }
        }

        var instant = new DateTimeOffset(local, offset);
        return instant >= Dates.Earliest && instant <= Dates.Latest && Set(StoryDate.At(instant, zone), out date);
    }

    private static bool Set(StoryDate value, out StoryDate date)
    {
        date = value;
        return true;
    }

    [GeneratedRegex(@"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviationDot();

    [GeneratedRegex(@"^(?:[A-Za-z]{3},\s*)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3})\s+(?<year>\d{2}|\d{4})\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();
}
