using System.Net;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Security;

/// <summary>The test-only <c>--rate-limit</c> window, over HTTP: the same counting and headers as the plans, over seconds.</summary>
public sealed class RateWindowTests
{
    [Fact]
    public async Task TestWindow_SpendsItsLimit_ThenRefuses_ThenResetsWhenTheHeadersSay()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { RateLimit = "3/20s" });
        using var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
        api.DefaultRequestHeaders.Add("X-API-Key", emulator.ApiKey);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await api.GetAsync(Api.Links));
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, answers.Select(a => a.StatusCode));
        Assert.Equal("3", answers[0].Headers.GetValues("X-RateLimit-Limit").Single());
        var reset = long.Parse(answers[3].Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), -1, 20);
        Assert.InRange(answers[3].Headers.RetryAfter!.Delta!.Value.TotalSeconds, 0, 20);

        // The free read agrees, and spends nothing.
        using var peek = await api.GetAsync("api/v1/public/keys/rate-limit");
        Assert.Equal(0, (await Api.ReadJsonAsync(peek)).GetProperty("remaining").GetInt32());

        // Waits on the budget coming back (the free read), not on a clock; then checks it came back when the headers said,
        // not before (a second's slack for the header's whole seconds). Later only means a loaded machine.
        Assert.True(await Poll.UntilAsync(async () =>
        {
            using var read = await api.GetAsync("api/v1/public/keys/rate-limit");
            return (await Api.ReadJsonAsync(read)).GetProperty("remaining").GetInt32() == 3;
        }), "the budget never came back");
        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeSeconds() >= reset - 1, $"the budget came back before {DateTimeOffset.FromUnixTimeSeconds(reset):O}, the reset the headers gave");
        using var fresh = await api.GetAsync(Api.Links);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(2, Api.Remaining(fresh));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
