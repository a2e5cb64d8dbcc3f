using System.Globalization;

namespace Digest.Content;

/// <summary>Front matter dates: ISO 8601 date or date-time; without an offset they are read in the site's time zone.</summary>
public static class Dates
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm zzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd HH:mm:ss'Z'",
    ];

    /// <summary>
    /// The first and last supported instants: a day inside .NET's range, so that neither an offset nor the local date of
    /// an edition or archive can step outside it (0001-01-01 with a positive offset is before the year 1 in UTC).
    /// </summary>
    public static readonly DateTimeOffset Earliest = new(1, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(9999, 12, 30, 23, 59, 59, TimeSpan.Zero);

    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value) => TryParse(text, zone, out value, out _);

    /// <summary>As <see cref="TryParse(string, TimeZoneInfo, out DateTimeOffset)"/>; <paramref name="outOfRange"/> when the text is a date outside <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value, out bool outOfRange)
    {
        outOfRange = false;
        text = text.Trim();
        if (TryParseWithOffset(text, out value, out outOfRange))
        {
            return true;
        }

        if (!outOfRange && DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (TryInZone(local, zone, out value))
            {
                return true;
            }

            outOfRange = true;
        }

        value = default;
        return false;
    }

    /// <summary>A wall-clock time in <paramref name="zone"/>; a time skipped by a clock change moves forward past the gap.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone) =>
        TryInZone(local, zone, out var value) ? value : throw new ArgumentOutOfRangeException(nameof(local), local, "outside the supported dates");

    /// <summary>As <see cref="InZone"/>, false when the result would be outside <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public static bool TryInZone(DateTime local, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (local < Earliest.DateTime || local > Latest.DateTime)
        {
            return false;
        }

        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.GetUtcOffset(local);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < Earliest.UtcTicks || utcTicks > Latest.UtcTicks)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TryParseWithOffset(string text, out DateTimeOffset value, out bool outOfRange)
    {
        outOfRange = false;
        try
        {
            if (!DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                // An offset that takes the instant out of .NET's range fails here too: tell it apart from a non-date.
                outOfRange = StripOffset(text) is { } local
                    && DateTime.TryParseExact(local, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            value = default;
            outOfRange = true;
            return false;
        }

        if (value < Earliest || value > Latest)
        {
            outOfRange = true;
            return false;
        }

        return true;
    }

    /// <summary>The date-time part of a text that ends in 'Z' or an offset such as '+04:00' or ' -0530'.</summary>
    private static string? StripOffset(string text)
    {
        if (text.EndsWith('Z'))
        {
            return text[..^1];
        }

        var sign = text.LastIndexOfAny(['+', '-']);
        return sign > 10 ? text[..sign].TrimEnd() : null;
    }

    /// <summary>RFC 3339, as Atom and JSON Feed want it: 2026-11-03T09:15:00+04:00.</summary>
    public static string ToRfc3339(DateTimeOffset date) =>
        date.ToString(date.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>RFC 822 with a four-digit year, as RSS 2.0 wants it: Tue, 03 Nov 2026 09:15:00 +0400.</summary>
    public static string ToRfc822(DateTimeOffset date) =>
        date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
        + (date.Offset < TimeSpan.Zero ? "-" : "+") + date.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>For people: 3 November 2026.</summary>
    public static string ToText(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
