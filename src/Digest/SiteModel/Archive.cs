using System.Globalization;
using Digest.Content;

namespace Digest.SiteModel;

public enum ArchiveKind
{
    Day,
    Month,
    Year,
}

/// <summary>A daily edition or a month or year archive.</summary>
public sealed class Archive(ArchiveKind kind, DateOnly date)
{
    public ArchiveKind Kind { get; } = kind;
    /// <summary>The first day of the period.</summary>
    public DateOnly Date { get; } = date;
    public List<SiteArticle> Articles { get; } = [];
    public Archive? Parent { get; internal set; }
    public List<Archive> Children { get; } = [];
    public Archive? Older { get; internal set; }
    public Archive? Newer { get; internal set; }

    public string Url => Kind switch
    {
        ArchiveKind.Day => Date.ToString("/yyyy/MM/dd/", CultureInfo.InvariantCulture),
        ArchiveKind.Month => Date.ToString("/yyyy/MM/", CultureInfo.InvariantCulture),
        _ => Date.ToString("/yyyy/", CultureInfo.InvariantCulture),
    };

    public string Title => Kind switch
    {
        ArchiveKind.Day => Dates.ToText(new DateTimeOffset(Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        ArchiveKind.Month => Date.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    public string DateIso => Kind switch
    {
        ArchiveKind.Day => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ArchiveKind.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    public static string DayUrl(DateTimeOffset localDate) => localDate.ToString("/yyyy/MM/dd/", CultureInfo.InvariantCulture);
}
