using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Storage;

public sealed class DurabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-durability-").FullName;

    [Fact]
    public async Task KilledMidWriteLoad_KeepsEveryAcknowledgedLinkAndCountedClick()
    {
        var key = EmulatorProcess.NewApiKey();
        var options = new EmulatorOptions { ApiKeys = new[] { key }, DatabasePath = Path.Combine(_folder, "klinky.db") };
        var acknowledged = new ConcurrentBag<string>();
        var slug = Api.NewSlug("durable");
        string linkId;
        int counted;
        int port;

        await using (var emulator = await EmulatorProcess.StartAsync(options))
        {
            port = emulator.Port;
            using var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
            api.DefaultRequestHeaders.Add("X-API-Key", key);
            linkId = (await Api.CreateLinkAsync(api, slug)).GetProperty("id").GetString()!;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = api.BaseAddress };
                client.DefaultRequestHeaders.Add("X-API-Key", key);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        if (w == 0)
                        {
                            using var created = await client.PostAsJsonAsync(Api.Links, Api.LinkBody(Api.NewSlug("d")));
                            if (created.StatusCode == HttpStatusCode.Created)
                            {
                                acknowledged.Add((await Api.ReadJsonAsync(created)).GetProperty("id").GetString()!);
                            }
                        }
                        else
                        {
                            using var _ = await client.GetAsync(slug);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToList();

            await Task.Delay(1500);
            counted = await Api.ClickTotalAsync(api, linkId);
            await Task.Delay(300);
            emulator.KillHard();
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        await using var restarted = await EmulatorProcess.StartAsync(new EmulatorOptions { ApiKeys = options.ApiKeys, DatabasePath = options.DatabasePath, Port = port });
        using var after = new HttpClient { BaseAddress = new Uri(restarted.RootUrl + "/") };
        after.DefaultRequestHeaders.Add("X-API-Key", key);

        Assert.True(counted > 0, "no clicks were counted before the kill");
        Assert.NotEmpty(acknowledged);
        Assert.True(await Api.ClickTotalAsync(after, linkId) >= counted);
        foreach (var id in acknowledged)
        {
            var (status, _) = await Api.GetAsync(after, $"{Api.Links}/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    [Fact]
    public async Task KilledUnderRedirectLoad_EveryClickIdHandedOutIsStoredAndConvertible()
    {
        var key = EmulatorProcess.NewApiKey();
        var options = new EmulatorOptions { ApiKeys = new[] { key }, DatabasePath = Path.Combine(_folder, "clicks.db") };
        var handedOut = new ConcurrentQueue<string>();
        var slug = Api.NewSlug("kill9");
        string linkId;
        int port;

        await using (var emulator = await EmulatorProcess.StartAsync(options))
        {
            port = emulator.Port;
            using var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
            api.DefaultRequestHeaders.Add("X-API-Key", key);
            linkId = (await Api.CreateLinkAsync(api, slug)).GetProperty("id").GetString()!;
            using var stop = new CancellationTokenSource();
            var visitors = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = api.BaseAddress };
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        // No cookies: every visit is a new visitor, so every 302 is a new click with its own kl_cid.
                        using var response = await client.GetAsync(slug);
                        if (response.StatusCode == HttpStatusCode.Found && Api.ClickIdOf(response.Headers.Location!.ToString()) is { } clickId)
                        {
                            handedOut.Enqueue(clickId);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToList();

            await Task.Delay(1500);
            emulator.KillHard();
            stop.Cancel();
            await Task.WhenAll(visitors);
        }

        await using var restarted = await EmulatorProcess.StartAsync(new EmulatorOptions { ApiKeys = options.ApiKeys, DatabasePath = options.DatabasePath, Port = port });
        using var after = new HttpClient { BaseAddress = new Uri(restarted.RootUrl + "/") };
        after.DefaultRequestHeaders.Add("X-API-Key", key);

        Assert.True(handedOut.Count > 100, $"only {handedOut.Count} redirects before the kill");
        Assert.Equal(handedOut.Count, handedOut.Distinct().Count());
        Assert.True(await Api.ClickTotalAsync(after, linkId) >= handedOut.Count, $"{handedOut.Count} click ids were handed out, {await Api.ClickTotalAsync(after, linkId)} clicks survived");

        // The last ones handed out are the ones a kill could have caught on their way to the disk.
        foreach (var clickId in handedOut.Reverse().Take(20))
        {
            using var conversion = await after.PostAsJsonAsync("api/v1/public/conversions", new { click_id = clickId, @event = "signup" });
            Assert.Equal(HttpStatusCode.Accepted, conversion.StatusCode);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
