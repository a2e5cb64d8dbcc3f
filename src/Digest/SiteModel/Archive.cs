using System.Globalization;
using Digest.Localization;

namespace Digest.SiteModel;

public enum ArchiveKind
{
    Day,
    Month,
    Year,
}

/// <summary>A daily edition or a month or year archive.</summary>
/// <param name="prefix">The language edition's URL prefix: "" or "/ru".</param>
public sealed class Archive(ArchiveKind kind, DateOnly date, string prefix = "")
{
    public ArchiveKind Kind { get; } = kind;
    /// <summary>The first day of the period.</summary>
    public DateOnly Date { get; } = date;
    public List<SiteArticle> Articles { get; } = [];
    public Archive? Parent { get; internal set; }
    public List<Archive> Children { get; } = [];
    public Archive? Older { get; internal set; }
    public Archive? Newer { get; internal set; }

    public string Url => prefix + Kind switch
    {
        ArchiveKind.Day => Date.ToString("/yyyy/MM/dd/", CultureInfo.InvariantCulture),
        ArchiveKind.Month => Date.ToString("/yyyy/MM/", CultureInfo.InvariantCulture),
        _ => Date.ToString("/yyyy/", CultureInfo.InvariantCulture),
    };

    /// <summary>The period as a language writes it in a heading: "17 ноября 2021", "November 2021", "2021".</summary>
    public string Title(UiStrings strings) => Kind switch
    {
        ArchiveKind.Day => strings.Date(Date.ToDateTime(TimeOnly.MinValue)),
        ArchiveKind.Month => strings.Month(Date.ToDateTime(TimeOnly.MinValue)),
        _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    public string DateIso => Kind switch
    {
        ArchiveKind.Day => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ArchiveKind.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    public static string DayUrl(string prefix, DateTimeOffset localDate) => prefix + localDate.ToString("/yyyy/MM/dd/", CultureInfo.InvariantCulture);
}
