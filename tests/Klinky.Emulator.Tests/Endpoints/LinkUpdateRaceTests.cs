using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Endpoints;

public sealed class LinkUpdateRaceTests : IClassFixture<EmulatorFixture>
{
    private const int Rounds = 30;
    private readonly EmulatorFixture _fixture;

    public LinkUpdateRaceTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Update_RacingADelete_NeverBringsTheLinkBack()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var id = (await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug("race"))).GetProperty("id").GetString()!;
            var update = _fixture.Api.PutAsJsonAsync($"{Api.Links}/{id}", new { name = "renamed " + round });
            var delete = _fixture.Api.DeleteAsync($"{Api.Links}/{id}");
            using var updated = await update;
            using var deleted = await delete;

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Contains(updated.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
            var (status, _) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}");
            Assert.Equal(HttpStatusCode.NotFound, status);
        }
    }

    [Fact]
    public async Task Update_TwoConcurrentPartialUpdates_BothApply()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var id = (await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug("both"))).GetProperty("id").GetString()!;
            var rename = _fixture.Api.PutAsJsonAsync($"{Api.Links}/{id}", new { name = "renamed " + round });
            var pause = _fixture.Api.PutAsJsonAsync($"{Api.Links}/{id}", new { is_active = false });
            using (await rename)
            using (await pause)
            {
            }

            var (_, link) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}");
            Assert.Equal("renamed " + round, link.GetProperty("name").GetString());
            Assert.False(link.GetProperty("is_active").GetBoolean());
        }
    }
}
