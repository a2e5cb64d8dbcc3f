using Digest.Content;

namespace Digest.Tests.Content;

public sealed class DateTests
{
    private static readonly TimeZoneInfo Yerevan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Yerevan");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2026-11-03T09:15:00+04:00", "2026-11-03T09:15:00+04:00")]
    [InlineData("2026-11-03T09:15+04:00", "2026-11-03T09:15:00+04:00")]
    [InlineData("2026-11-03T09:15:00-05:30", "2026-11-03T09:15:00-05:30")]
    [InlineData("2026-11-03T09:15:00Z", "2026-11-03T09:15:00Z")]
    [InlineData("2026-11-03T09:15:00.250Z", "2026-11-03T09:15:00Z")]
    [InlineData("2026-11-03 09:15:00 +04:00", "2026-11-03T09:15:00+04:00")]
    [InlineData("2026-11-03", "2026-11-03T00:00:00+04:00")]
    [InlineData("2026-11-03T09:15", "2026-11-03T09:15:00+04:00")]
    [InlineData("2026-11-03 09:15:00", "2026-11-03T09:15:00+04:00")]
    [InlineData("  2026-11-03  ", "2026-11-03T00:00:00+04:00")]
    public void ParsesIsoDatesAndReadsThoseWithoutOffsetInTheSiteZone(string text, string expected)
    {
        Assert.True(Dates.TryParse(text, Yerevan, out var date));
        Assert.Equal(expected, Dates.ToRfc3339(date));
    }

    [Theory]
    [InlineData("2026-07-01T12:00:00", "2026-07-01T12:00:00+01:00")]
    [InlineData("2026-01-15T12:00:00", "2026-01-15T12:00:00Z")]
    // 29 March 2026 01:30 does not exist in London (clocks go from 01:00 to 02:00): it moves past the gap.
    [InlineData("2026-03-29T01:30:00", "2026-03-29T02:00:00+01:00")]
    // 25 October 2026 01:30 happens twice in London: the standard-time reading is taken.
    [InlineData("2026-10-25T01:30:00", "2026-10-25T01:30:00Z")]
    public void ReadsWallClockTimesInAZoneWithSummerTime(string text, string expected)
    {
        Assert.True(Dates.TryParse(text, London, out var date));
        Assert.Equal(expected, Dates.ToRfc3339(date));
    }

    [Theory]
    [InlineData("next Tuesday")]
    [InlineData("2026-13-45")]
    [InlineData("2026-02-30")]
    [InlineData("03/11/2026")]
    [InlineData("2026-11-03T25:00:00Z")]
    [InlineData("")]
    public void RejectsWhatIsNotAnIsoDate(string text) => Assert.False(Dates.TryParse(text, Yerevan, out _));

    [Theory]
    [InlineData("2026-11-03T09:15:00+04:00", "Tue, 03 Nov 2026 09:15:00 +0400")]
    [InlineData("2026-11-03T09:15:00Z", "Tue, 03 Nov 2026 09:15:00 +0000")]
    [InlineData("2026-11-03T09:15:00-03:30", "Tue, 03 Nov 2026 09:15:00 -0330")]
    public void Rfc822HasAFourDigitYearAndANumericOffset(string iso, string expected) =>
        Assert.Equal(expected, Dates.ToRfc822(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TextDateIsInvariantEnglish() =>
        Assert.Equal("3 November 2026", Dates.ToText(new DateTimeOffset(2026, 11, 3, 9, 15, 0, TimeSpan.FromHours(4))));
}
