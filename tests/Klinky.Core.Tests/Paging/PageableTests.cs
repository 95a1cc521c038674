using Flurl.Http.Testing;
using Klinky.Links;
using Klinky.Tests.Support;

namespace Klinky.Tests.Paging;

public class PageableTests
{
    private static string LinkItems(int count, int from) =>
        string.Join(", ", Enumerable.Range(from, count).Select(i => FakeKlinky.LinkJson.Replace("homepage-test", "slug-" + i, StringComparison.Ordinal)));

    [Fact]
    public async Task ListAllAsync_OverThreePages_StopsAfterTheLastWithoutAnEmptyPage()
    {
        using var http = new HttpTest();
        http.RespondWith($$"""{"items": [{{LinkItems(100, 0)}}], "total": 205}""")
            .RespondWith($$"""{"items": [{{LinkItems(100, 100)}}], "total": 205}""")
            .RespondWith($$"""{"items": [{{LinkItems(5, 200)}}], "total": 205}""");
        using var client = FakeKlinky.Client();

        var slugs = new List<string>();
        await foreach (var link in client.Links.ListAllAsync())
        {
            slugs.Add(link.Slug);
        }

        Assert.Equal(Enumerable.Range(0, 205).Select(i => "slug-" + i), slugs);
        Assert.Equal(3, client.RequestsSent);
        http.ShouldHaveCalled("*/public/links?page=3&per_page=100");
    }

    [Fact]
    public async Task ListAllAsync_WhenTheLastPageIsExactlyFull_SpendsNoRequestOnAnEmptyPage()
    {
        using var http = new HttpTest();
        http.RespondWith($$"""{"items": [{{LinkItems(2, 0)}}], "total": 4}""")
            .RespondWith($$"""{"items": [{{LinkItems(2, 2)}}], "total": 4}""");
        using var client = FakeKlinky.Client();

        var pages = new List<PagedResult<Link>>();
        await foreach (var page in client.Links.ListAllAsync(new LinkListOptions { PerPage = 2 }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { true, false }, pages.Select(p => p.HasMore));
        Assert.Equal(2, client.RequestsSent);
    }

    [Theory]
    [InlineData(int.MaxValue, 100)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(7, 7)]
    public async Task AsPages_AnyPageSizeHint_IsClampedToWhatTheApiAccepts(int hint, int expected)
    {
        using var http = new HttpTest();
        http.RespondWith("""{"items": [], "total": 0}""");
        using var client = FakeKlinky.Client();

        await foreach (var page in client.Clicks.ListAllAsync("abc").AsPages(pageSizeHint: hint))
        {
            Assert.Equal(expected, page.PerPage);
        }

        http.ShouldHaveCalled($"*/public/links/abc/clicks?page=1&per_page={expected}").Times(1);
    }

    [Fact]
    public async Task AsPages_FromALaterPage_CountsTheItemsBeforeItTowardsTheTotal()
    {
        using var http = new HttpTest();
        http.RespondWith($$"""{"items": [{{LinkItems(10, 20)}}], "total": 30}""");
        using var client = FakeKlinky.Client();

        var pages = new List<PagedResult<Link>>();
        await foreach (var page in client.Links.ListAllAsync().AsPages(firstPage: 3, pageSizeHint: 10))
        {
            pages.Add(page);
        }

        var only = Assert.Single(pages);
        Assert.False(only.HasMore);
        http.ShouldHaveCalled("*/public/links?page=3&per_page=10");
    }

    [Theory]
    [InlineData("{}", "items")]
    [InlineData("""{"items": []}""", "total")]
    [InlineData("""{"total": 3}""", "items")]
    public async Task ListAsync_AnAnswerWithoutItsRequiredFields_IsInvalidNotAnEmptyPage(string body, string missing)
    {
        using var http = new HttpTest();
        http.RespondWith(body);
        using var client = FakeKlinky.Client();

        var error = await Assert.ThrowsAsync<KlinkyInvalidResponseException>(() => client.Links.ListAsync());

        Assert.Contains($"without its required field '{missing}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task FindBySlugAsync_WhenTheListAnswerIsABareObject_FailsInsteadOfSayingNotFound()
    {
        using var http = new HttpTest();
        http.RespondWith("{}");
        using var client = FakeKlinky.Client();

        await Assert.ThrowsAsync<KlinkyInvalidResponseException>(() => client.Links.FindBySlugAsync("homepage-test"));
    }
}
