using System.Text.Json;
using Klinky.Links;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// Klinky: one request per link plus the one listing that slug-prefix needs, counted by the emulator's own rate-limit
/// budget. GitHub: /user, the comment pages and one write, counted by the fake.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class RequestEconomyTests
{
    private readonly ActionEndToEndFixture _fixture;

    public RequestEconomyTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task SlugPrefixAndAnId_CostOneListingPlusOneStatsRequestPerLink()
    {
        const int pr = 301;
        for (var i = 1; i <= 3; i++)
        {
            await _fixture.CreateLinkAsync($"pr-{pr}-eco-{i}", clicks: 2);
        }

        var byId = await _fixture.CreateLinkAsync("e2e-eco-by-id", clicks: 2);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken)
            .WithInput("slug-prefix", $"pr-{pr}-")
            .WithInput("links", byId.Id);
        var before = await RemainingAsync();
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var spent = before - await RemainingAsync() - 1;
        Assert.Equal(1 + 4, spent);
        Assert.Equal(
            new[] { "GET /api/v3/user", $"GET /api/v3/repos/{RunnerSandbox.Repository}/issues/{pr}/comments", $"POST /api/v3/repos/{RunnerSandbox.Repository}/issues/{pr}/comments" },
            _fixture.GitHub.Requests.Select(r => r.Split('?')[0]));

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(sandbox.RunnerTemp, sandbox.ReadOutputs()["report-path"])));
        Assert.Equal(4, report.RootElement.GetProperty("links").GetArrayLength());
        Assert.Equal(5, report.RootElement.GetProperty("klinky_requests").GetInt64());
    }

    [Fact]
    public async Task IdsOnly_NeedNoListing()
    {
        const int pr = 302;
        var a = await _fixture.CreateLinkAsync("e2e-ids-a", clicks: 1);
        var b = await _fixture.CreateLinkAsync("e2e-ids-b", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", $"{a.Id}\n{b.Id}");
        var before = await RemainingAsync();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, before - await RemainingAsync() - 1);
    }

    private async Task<int> RemainingAsync()
    {
        await _fixture.Klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        return _fixture.Klinky.RateLimit?.Remaining ?? throw new InvalidOperationException("the emulator sent no rate-limit headers");
    }
}
