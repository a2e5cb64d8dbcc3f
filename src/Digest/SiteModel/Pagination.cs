namespace Digest.SiteModel;

/// <summary>One page of a paginated list: page 1 is the bare URL, later pages add <c>page/N/</c>.</summary>
public sealed record Pagination(string BaseUrl, int PageNumber, int TotalPages, int TotalItems, int PageSize)
{
    public string Url => PageUrl(PageNumber);
    public string FirstUrl => BaseUrl;
    public string PreviousUrl => PageNumber > 1 ? PageUrl(PageNumber - 1) : "";
    public string NextUrl => PageNumber < TotalPages ? PageUrl(PageNumber + 1) : "";
    public int Skip => (PageNumber - 1) * PageSize;

    public string PageUrl(int number) => number <= 1 ? BaseUrl : $"{BaseUrl}page/{number}/";

    /// <summary>Every page of a list of <paramref name="count"/> items; an empty list still has page 1.</summary>
    public static IEnumerable<Pagination> Paginate(string baseUrl, int count, int pageSize)
    {
        var total = Math.Max(1, (count + pageSize - 1) / pageSize);
        for (var number = 1; number <= total; number++)
        {
            yield return new Pagination(baseUrl, number, total, count, pageSize);
        }
    }

    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items)
    {
        var end = Math.Min(items.Count, Skip + PageSize);
        var slice = new T[Math.Max(0, end - Skip)];
        for (var i = Skip; i < end; i++)
        {
            slice[i - Skip] = items[i];
        }

        return slice;
    }
}
