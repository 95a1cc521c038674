using System.Net;
using System.Text.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Storage;

/// <summary>
/// A database that stops taking writes while the emulator runs (a full disk, a file made read-only), made real without
/// either: SQLite's <c>query_only</c> makes the emulator's own connection refuse every write from then on, so the next
/// click batch fails as it would on such a disk. The emulator runs in this process (the pragma is set on its connection)
/// and is spoken to over loopback HTTP.
/// </summary>
public sealed class ClickStoreFailureTests : IAsyncLifetime
{
    private InProcessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await InProcessEmulator.StartAsync("klinky_live_fullstore");

    [Fact]
    public async Task Redirect_WhenTheClickCannotBeStored_Answers503WithoutAClickIdAndHealthzCountsIt()
    {
        var slug = Api.NewSlug("full");
        var linkId = (await Api.CreateLinkAsync(_emulator.Api, slug)).GetProperty("id").GetString()!;
        using (var healthy = await _emulator.Visitor.GetAsync("healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        _emulator.Database.Execute("PRAGMA query_only = 1;");

        var answers = new List<(HttpStatusCode Status, string? Location, string Body)>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await _emulator.Visitor.GetAsync(slug);
            answers.Add((response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.Null(a.Location);
            Assert.Contains("could not be recorded", a.Body, StringComparison.Ordinal);
        });
        using var health = await _emulator.Visitor.GetAsync("healthz");
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("degraded", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(20, report.RootElement.GetProperty("unrecorded_clicks").GetInt64());
        Assert.Contains("readonly", report.RootElement.GetProperty("last_storage_error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await Api.ClickTotalAsync(_emulator.Api, linkId));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();
}
