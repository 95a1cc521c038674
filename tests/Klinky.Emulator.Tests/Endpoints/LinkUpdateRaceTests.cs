using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Endpoints;

/// <summary>
/// Updates raced against each other and against a delete, each request on its own connection so they reach the emulator
/// together; 30 rounds, because a lost update shows in some rounds, not every one.
/// </summary>
public sealed class LinkUpdateRaceTests : IClassFixture<EmulatorFixture>
{
    private const int Rounds = 30;
    private readonly EmulatorFixture _fixture;

    public LinkUpdateRaceTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Update_RacingADelete_NeverBringsTheLinkBack()
    {
        var clients = Enumerable.Range(0, 9).Select(_ => _fixture.ClientFor(_fixture.Emulator.ApiKey)).ToList();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var id = (await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug("race"))).GetProperty("id").GetString()!;
                var updates = clients.Skip(1).Select((c, i) => c.PutAsJsonAsync($"{Api.Links}/{id}", new { name = $"renamed {round}.{i}" })).ToList();
                using var deleted = await clients[0].DeleteAsync($"{Api.Links}/{id}");
                foreach (var update in await Task.WhenAll(updates))
                {
                    Assert.Contains(update.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
                    update.Dispose();
                }

                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
                var (status, _) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}");
                Assert.True(status == HttpStatusCode.NotFound, $"round {round}: the deleted link answered {status}");
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Update_ConcurrentPartialUpdatesOfDifferentFields_AllApply()
    {
        var clients = Enumerable.Range(0, 5).Select(_ => _fixture.ClientFor(_fixture.Emulator.ApiKey)).ToList();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var id = (await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug("both"))).GetProperty("id").GetString()!;
                var bodies = new object[]
                {
                    new { name = "renamed " + round },
                    new { is_active = false },
                    new { auto_winner = true },
                    new { auto_winner_threshold = 500 + round },
                    new { conversion_redirect_url = "https://example.com/thanks" },
                };
                foreach (var answer in await Task.WhenAll(bodies.Select((b, i) => clients[i].PutAsJsonAsync($"{Api.Links}/{id}", b))))
                {
                    Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                    answer.Dispose();
                }

                var (_, link) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}");
                Assert.Equal("renamed " + round, link.GetProperty("name").GetString());
                Assert.False(link.GetProperty("is_active").GetBoolean(), $"round {round}: is_active lost");
                Assert.True(link.GetProperty("auto_winner").GetBoolean(), $"round {round}: auto_winner lost");
                Assert.Equal(500 + round, link.GetProperty("auto_winner_threshold").GetInt32());
                Assert.Equal("https://example.com/thanks", link.GetProperty("conversion_redirect_url").GetString());
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
