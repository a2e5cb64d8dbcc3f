using Digest.SiteModel;

namespace Digest.Tests.SiteModel;

public sealed class PaginationTests
{
    [Theory]
    [InlineData(0, 10, 1)]
    [InlineData(1, 10, 1)]
    [InlineData(10, 10, 1)]
    [InlineData(11, 10, 2)]
    [InlineData(5, 2, 3)]
    [InlineData(1200, 2000, 1)]
    public void PageCountCoversEveryItemAndAnEmptyListHasOnePage(int items, int pageSize, int pages)
    {
        var all = Pagination.Paginate("/tags/rail/", items, pageSize).ToList();
        Assert.Equal(pages, all.Count);
        Assert.All(all, p => Assert.Equal(pages, p.TotalPages));
        Assert.Equal(Enumerable.Range(1, pages), all.Select(p => p.PageNumber));
    }

    [Fact]
    public void FirstPageIsTheBareUrlAndLaterPagesAddPageN()
    {
        var pages = Pagination.Paginate("/tags/rail/", 5, 2).ToList();
        Assert.Equal(["/tags/rail/", "/tags/rail/page/2/", "/tags/rail/page/3/"], pages.Select(p => p.Url));
        Assert.Equal(["", "/tags/rail/", "/tags/rail/page/2/"], pages.Select(p => p.PreviousUrl));
        Assert.Equal(["/tags/rail/page/2/", "/tags/rail/page/3/", ""], pages.Select(p => p.NextUrl));
        Assert.All(pages, p => Assert.Equal("/tags/rail/", p.FirstUrl));
    }

    [Fact]
    public void SlicesPartitionTheListInOrder()
    {
        var items = Enumerable.Range(1, 5).ToList();
        var slices = Pagination.Paginate("/", items.Count, 2).Select(p => p.Slice(items)).ToList();
        Assert.Equal([[1, 2], [3, 4], [5]], slices);
    }

    [Fact]
    public void SliceOfAnEmptyListIsEmpty() =>
        Assert.Empty(Pagination.Paginate("/", 0, 10).Single().Slice(Array.Empty<int>()));
}
