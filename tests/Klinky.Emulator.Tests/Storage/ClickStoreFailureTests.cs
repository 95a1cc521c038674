using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
/// A database that stops taking writes while the emulator runs (a full disk, a file made read-only), made real without
/// either: SQLite's <c>query_only</c> makes the emulator's own connection refuse every write from then on, so the next
/// click batch fails as it would on such a disk. The emulator runs in this process (the pragma is set on its connection)
/// and is spoken to over loopback HTTP.
/// </summary>
public sealed class ClickStoreFailureTests : IAsyncLifetime
{
    private const string Key = "klinky_live_fullstore";
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-full-").FullName;
    private Database _database = null!;
    private WebApplication _app = null!;
    private HttpClient _api = null!;
    private HttpClient _visitor = null!;

    public async Task InitializeAsync()
    {
        var settings = new ServeSettings { Urls = "http://127.0.0.1:0", ApiKeys = new[] { Key }, DatabasePath = Path.Combine(_folder, "full.db") };
        _database = new Database(settings.DatabasePath);
        _app = EmulatorApp.Build(settings, _database);
        await _app.StartAsync();
        var root = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _api = new HttpClient { BaseAddress = new Uri(root + "/") };
        _api.DefaultRequestHeaders.Add("X-API-Key", Key);
        _visitor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _api.BaseAddress };
    }

    [Fact]
    public async Task Redirect_WhenTheClickCannotBeStored_Answers503WithoutAClickIdAndHealthzCountsIt()
    {
        var slug = Api.NewSlug("full");
        var linkId = (await Api.CreateLinkAsync(_api, slug)).GetProperty("id").GetString()!;
        using (var healthy = await _visitor.GetAsync("healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        _database.Execute("PRAGMA query_only = 1;");

        var answers = new List<(HttpStatusCode Status, string? Location, string Body)>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await _visitor.GetAsync(slug);
            answers.Add((response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.Null(a.Location);
            Assert.Contains("could not be recorded", a.Body, StringComparison.Ordinal);
        });
        using var health = await _visitor.GetAsync("healthz");
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("degraded", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(20, report.RootElement.GetProperty("unrecorded_clicks").GetInt64());
        Assert.Contains("readonly", report.RootElement.GetProperty("last_storage_error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await Api.ClickTotalAsync(_api, linkId));
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        _visitor.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
