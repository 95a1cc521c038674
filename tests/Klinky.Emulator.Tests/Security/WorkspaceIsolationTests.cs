using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Security;

public sealed class WorkspaceIsolationTests : IClassFixture<TwoKeysFixture>
{
    private readonly TwoKeysFixture _fixture;

    public WorkspaceIsolationTests(TwoKeysFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task LinkOfOneKey_IsNotFoundForTheOther()
    {
        using var a = _fixture.ClientFor(TwoKeysFixture.KeyA);
        using var b = _fixture.ClientFor(TwoKeysFixture.KeyB);
        var link = await Api.CreateLinkAsync(a, Api.NewSlug());
        var id = link.GetProperty("id").GetString();

        var (status, body) = await Api.GetAsync(b, $"{Api.Links}/{id}");
        var (_, listB) = await Api.GetAsync(b, Api.Links);
        using var delete = await b.DeleteAsync($"{Api.Links}/{id}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Link not found", Api.Detail(body));
        Assert.DoesNotContain(id!, listB.ToString());
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task SlugTakenInOneWorkspace_Answers409InTheOther()
    {
        using var a = _fixture.ClientFor(TwoKeysFixture.KeyA);
        using var b = _fixture.ClientFor(TwoKeysFixture.KeyB);
        var slug = Api.NewSlug();
        await Api.CreateLinkAsync(a, slug);

        using var response = await b.PostAsJsonAsync(Api.Links, Api.LinkBody(slug));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task EachKey_HasItsOwnRateBudget()
    {
        using var a = _fixture.ClientFor(TwoKeysFixture.KeyA);
        using var b = _fixture.ClientFor(TwoKeysFixture.KeyB);
        using var peekB = await b.GetAsync("api/v1/public/keys/rate-limit");
        var before = (await Api.ReadJsonAsync(peekB)).GetProperty("remaining").GetInt32();

        for (var i = 0; i < 3; i++)
        {
            using var _ = await a.GetAsync(Api.Links);
        }

        using var peekAfter = await b.GetAsync("api/v1/public/keys/rate-limit");
        Assert.Equal(before, (await Api.ReadJsonAsync(peekAfter)).GetProperty("remaining").GetInt32());
    }
}
