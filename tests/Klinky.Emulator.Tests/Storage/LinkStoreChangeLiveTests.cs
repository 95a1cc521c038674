using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Hosting;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Klinky.Emulator.Tests.Storage;

/// <summary>
/// The auto-winner decides on a snapshot of a link and writes through <see cref="LinkStore.ChangeLive"/>: what landed over
/// HTTP between its read and its write must survive. The emulator runs in this process so the test can hold a snapshot
/// across a real PUT or DELETE, as a slow verdict would.
/// </summary>
public sealed class LinkStoreChangeLiveTests : IAsyncLifetime
{
    private const string Key = "klinky_live_changelive";
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-change-").FullName;
    private Database _database = null!;
    private WebApplication _app = null!;
    private HttpClient _api = null!;
    private LinkStore _links = null!;

    public async Task InitializeAsync()
    {
        var settings = new ServeSettings { Urls = "http://127.0.0.1:0", ApiKeys = new[] { Key }, DatabasePath = Path.Combine(_folder, "change.db") };
        _database = new Database(settings.DatabasePath);
        _app = EmulatorApp.Build(settings, _database);
        await _app.StartAsync();
        var root = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _api = new HttpClient { BaseAddress = new Uri(root + "/") };
        _api.DefaultRequestHeaders.Add("X-API-Key", Key);
        _links = _app.Services.GetRequiredService<LinkStore>();
    }

    [Fact]
    public async Task ChangeLive_AfterAPutLandedSinceTheSnapshot_KeepsThePutAndAddsTheWinner()
    {
        var id = (await Api.CreateLinkAsync(_api, Api.NewSlug("live"))).GetProperty("id").GetString()!;
        var snapshot = _links.GetAny(id)!;
        using (var put = await _api.PutAsJsonAsync($"{Api.Links}/{id}", new { name = "Renamed meanwhile" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var written = _links.ChangeLive(snapshot.Id, current => current with { WinnerLabel = "control" });

        Assert.NotNull(written);
        Assert.Equal("Renamed meanwhile", written.Name);
        Assert.Equal("control", written.WinnerLabel);
        Assert.Equal("Renamed meanwhile", _links.GetAny(id)!.Name);
    }

    [Fact]
    public async Task ChangeLive_OnALinkDeletedSinceTheSnapshot_WritesNothingAndTheLinkStaysDeleted()
    {
        var id = (await Api.CreateLinkAsync(_api, Api.NewSlug("gone"))).GetProperty("id").GetString()!;
        using (var delete = await _api.DeleteAsync($"{Api.Links}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var written = _links.ChangeLive(id, current => current with { WinnerLabel = "control" });

        Assert.Null(written);
        using var get = await _api.GetAsync($"{Api.Links}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
