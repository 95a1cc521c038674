using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Storage;

public sealed class DurabilityTests : IDisposable
{
    /// <summary>Enough visits that the kill lands mid-load, with clicks on their way to the disk.</summary>
    private const int VisitsBeforeKill = 500;

    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-durability-").FullName;

    [Fact]
    public async Task KilledMidWriteLoad_KeepsEveryAcknowledgedLinkAndCountedClick()
    {
        var acknowledged = new ConcurrentBag<string>();
        var counted = 0;
        await using var run = await KillUnderLoadAsync(
            "klinky.db",
            workers: 4,
            visit: async (client, slug, worker) =>
            {
                if (worker == 0)
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
            },
            beforeKill: async (api, linkId) =>
            {
                counted = await Api.ClickTotalAsync(api, linkId);
                await Task.Delay(300);
            });

        Assert.True(counted > 0, "no clicks were counted before the kill");
        Assert.NotEmpty(acknowledged);
        Assert.True(await Api.ClickTotalAsync(run.Api, run.LinkId) >= counted);
        foreach (var id in acknowledged)
        {
            var (status, _) = await Api.GetAsync(run.Api, $"{Api.Links}/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    [Fact]
    public async Task KilledUnderRedirectLoad_EveryClickIdHandedOutIsStoredAndConvertible()
    {
        var handedOut = new ConcurrentQueue<string>();
        await using var run = await KillUnderLoadAsync(
            "clicks.db",
            workers: 16,
            visit: async (client, slug, _) =>
            {
                // No cookies: every visit is a new visitor, so every 302 is a new click with its own kl_cid.
                using var response = await client.GetAsync(slug);
                if (response.StatusCode == HttpStatusCode.Found && Api.ClickIdOf(response.Headers.Location!.ToString()) is { } clickId)
                {
                    handedOut.Enqueue(clickId);
                }
            },
            beforeKill: (_, _) => Task.CompletedTask);

        var survived = await Api.ClickTotalAsync(run.Api, run.LinkId);
        Assert.True(handedOut.Count > 100, $"only {handedOut.Count} redirects before the kill");
        Assert.Equal(handedOut.Count, handedOut.Distinct().Count());
        Assert.True(survived >= handedOut.Count, $"{handedOut.Count} click ids were handed out, {survived} clicks survived");

        // The last ones handed out are the ones a kill could have caught on their way to the disk.
        foreach (var clickId in handedOut.Reverse().Take(20))
        {
            using var conversion = await run.Api.PostAsJsonAsync("api/v1/public/conversions", new { click_id = clickId, @event = "signup" });
            Assert.Equal(HttpStatusCode.Accepted, conversion.StatusCode);
        }
    }

    /// <summary>
    /// Starts an emulator on a database file, creates a link, runs <paramref name="workers"/> loops of
    /// <paramref name="visit"/> (each with a client that neither follows redirects nor keeps cookies) until they made
    /// <see cref="VisitsBeforeKill"/> visits (a count, not a time: a loaded machine only takes longer to get there), then
    /// <paramref name="beforeKill"/>, kills the process hard mid-load, and restarts it on the same file and port.
    /// </summary>
    private async Task<Restarted> KillUnderLoadAsync(
        string databaseName, int workers, Func<HttpClient, string, int, Task> visit, Func<HttpClient, string, Task> beforeKill)
    {
        var key = EmulatorProcess.NewApiKey();
        var options = new EmulatorOptions { ApiKeys = new[] { key }, DatabasePath = Path.Combine(_folder, databaseName) };
        var slug = Api.NewSlug("durable");
        string linkId;
        int port;
        await using (var emulator = await EmulatorProcess.StartAsync(options))
        {
            port = emulator.Port;
            using var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
            api.DefaultRequestHeaders.Add("X-API-Key", key);
            linkId = (await Api.CreateLinkAsync(api, slug)).GetProperty("id").GetString()!;
            using var stop = new CancellationTokenSource();
            var visits = 0;
            var loops = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
            {
                using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = api.BaseAddress };
                client.DefaultRequestHeaders.Add("X-API-Key", key);
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await visit(client, slug, worker);
                        Interlocked.Increment(ref visits);
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToList();

            Assert.True(await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref visits) >= VisitsBeforeKill)), $"only {visits} visits before the deadline");
            await beforeKill(api, linkId);
            await emulator.KillHardAsync();
            stop.Cancel();
            await Task.WhenAll(loops);
        }

        var restarted = await EmulatorProcess.StartAsync(new EmulatorOptions { ApiKeys = options.ApiKeys, DatabasePath = options.DatabasePath, Port = port });
        var after = new HttpClient { BaseAddress = new Uri(restarted.RootUrl + "/") };
        after.DefaultRequestHeaders.Add("X-API-Key", key);
        return new Restarted(restarted, after, linkId);
    }

    private sealed record Restarted(EmulatorProcess Emulator, HttpClient Api, string LinkId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Api.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
