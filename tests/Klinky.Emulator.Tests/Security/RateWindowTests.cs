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
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { RateLimit = "3/2s" });
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
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), -1, 2);
        Assert.InRange(answers[3].Headers.RetryAfter!.Delta!.Value.TotalSeconds, 0, 2);

        // The free read agrees, and spends nothing.
        using var peek = await api.GetAsync("api/v1/public/keys/rate-limit");
        Assert.Equal(0, (await Api.ReadJsonAsync(peek)).GetProperty("remaining").GetInt32());

        var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - DateTimeOffset.UtcNow;
        await Task.Delay(wait > TimeSpan.Zero ? wait + TimeSpan.FromMilliseconds(200) : TimeSpan.FromMilliseconds(200));
        using var fresh = await api.GetAsync(Api.Links);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(2, Api.Remaining(fresh));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
