using System.Globalization;

namespace Digest.Importing;

/// <summary>
/// When a story was published: a day, or an instant when the source gave a time. A day is written as a date alone, which
/// the build reads in the site's <c>time_zone</c>; an instant is written in that zone with its offset.
/// </summary>
public readonly record struct StoryDate(DateTimeOffset Value, bool HasTime)
{
    /// <summary>The day in the site's zone: the folder <c>YYYY/MM/DD</c> the article goes in.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Value.DateTime);

    /// <summary>The front matter value: <c>2021-11-17</c> or <c>2021-11-17T10:15:00+03:00</c>.</summary>
    public string ToFrontMatter() => HasTime
        ? Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant seen in <paramref name="zone"/>.</summary>
    public static StoryDate At(DateTimeOffset instant, TimeZoneInfo zone) => new(TimeZoneInfo.ConvertTime(instant, zone), HasTime: true);
}
