using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Klinky.Emulator.Tests.Storage;

/// <summary>
/// The auto-winner decides on a snapshot of a link and writes through <see cref="LinkStore.ChangeLive"/>: what landed over
/// HTTP between its read and its write must survive. The emulator runs in this process so the test can hold a snapshot
/// across a real PUT or DELETE, as a slow verdict would.
/// </summary>
public sealed class LinkStoreChangeLiveTests : IAsyncLifetime
{
    private InProcessEmulator _emulator = null!;
    private LinkStore _links = null!;

    public async Task InitializeAsync()
    {
        _emulator = await InProcessEmulator.StartAsync("klinky_live_changelive");
        _links = _emulator.App.Services.GetRequiredService<LinkStore>();
    }

    [Fact]
    public async Task ChangeLive_AfterAPutLandedSinceTheSnapshot_KeepsThePutAndAddsTheWinner()
    {
        var id = (await Api.CreateLinkAsync(_emulator.Api, Api.NewSlug("live"))).GetProperty("id").GetString()!;
        var snapshot = _links.GetAny(id)!;
        using (var put = await _emulator.Api.PutAsJsonAsync($"{Api.Links}/{id}", new { name = "Renamed meanwhile" }))
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
        var id = (await Api.CreateLinkAsync(_emulator.Api, Api.NewSlug("gone"))).GetProperty("id").GetString()!;
        using (var delete = await _emulator.Api.DeleteAsync($"{Api.Links}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var written = _links.ChangeLive(id, current => current with { WinnerLabel = "control" });

        Assert.Null(written);
        using var get = await _emulator.Api.GetAsync($"{Api.Links}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();
}
