using Klinky.PowerShell.Paging;

namespace Klinky.PowerShell.Tests.Paging;

public class PageWindowTests
{
    [Fact]
    public void For_SkipWithoutFirst_AsksForFullPagesNotOneLinkPerPage()
    {
        // -First defaults to UInt64.MaxValue: Skip + First once wrapped to 0 and asked for one link per request.
        var window = PageWindow.For(skip: 1, first: ulong.MaxValue, filtered: false);

        Assert.Equal(100, window.PageSize);
        Assert.Equal(1, window.FirstPage);
        Assert.Equal(1UL, window.SkipOnFirstPage);
    }

    [Theory]
    [InlineData(0UL, 1UL, 1)]
    [InlineData(1UL, 2UL, 3)]
    [InlineData(0UL, 0UL, 1)]
    [InlineData(40UL, 60UL, 100)]
    [InlineData(40UL, 61UL, 100)]
    [InlineData(ulong.MaxValue, ulong.MaxValue, 100)]
    public void For_Unfiltered_AsksForNoMoreThanSkipPlusFirst(ulong skip, ulong first, int expectedPageSize)
    {
        Assert.Equal(expectedPageSize, PageWindow.For(skip, first, filtered: false).PageSize);
    }

    [Fact]
    public void For_ASkipOfWholePages_StartsAfterThemWithoutFetchingThem()
    {
        var window = PageWindow.For(skip: 250, first: 5, filtered: false);

        Assert.Equal(3, window.FirstPage);
        Assert.Equal(50UL, window.SkipOnFirstPage);
    }

    [Fact]
    public void For_TheLargestSkip_StaysWithinIntPagesAndSkipsTheRest()
    {
        var window = PageWindow.For(skip: ulong.MaxValue, first: 1, filtered: false);

        Assert.Equal(int.MaxValue, window.FirstPage);
        Assert.Equal(ulong.MaxValue - ((ulong)(int.MaxValue - 1) * 100), window.SkipOnFirstPage);
    }

    [Fact]
    public void For_AFilteredListing_ReadsEveryPageAndSkipsMatches()
    {
        var window = PageWindow.For(skip: 250, first: 5, filtered: true);

        Assert.Equal(1, window.FirstPage);
        Assert.Equal(100, window.PageSize);
        Assert.Equal(250UL, window.SkipOnFirstPage);
    }
}
