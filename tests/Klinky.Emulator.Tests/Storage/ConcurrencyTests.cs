using System.Net;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Storage;

public sealed class ConcurrencyTests : IClassFixture<EmulatorFixture>
{
    private const int Clients = 16;
    private const int RedirectsPerClient = 1000;
    private readonly EmulatorFixture _fixture;

    public ConcurrencyTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task SixteenClientsOfAThousandRedirects_CountExactly_AndSharesFollowTheWeights()
    {
        var slug = Api.NewSlug("load");
        var link = await Api.CreateLinkAsync(_fixture.Api, slug, controlWeight: 70);
        var id = link.GetProperty("id").GetString()!;

        var clients = Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var visitor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(_fixture.Emulator.RootUrl + "/") };
            for (var i = 0; i < RedirectsPerClient; i++)
            {
                using var response = await visitor.GetAsync(slug);
                Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            }
        });
        await Task.WhenAll(clients);

        var (_, stats) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/stats");
        var total = Clients * RedirectsPerClient;
        var control = stats.GetProperty("variants")[0].GetProperty("clicks").GetInt64();

        Assert.Equal(total, await Api.ClickTotalAsync(_fixture.Api, id));
        Assert.Equal(total, stats.GetProperty("total_clicks").GetInt64());
        Assert.InRange(control * 100.0 / total, 67, 73);
    }
}
