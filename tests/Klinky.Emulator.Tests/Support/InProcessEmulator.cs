using System.Net;
using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Hosting;
using Klinky.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Klinky.Emulator.Tests.Support;

/// <summary>
/// The emulator in this test's process, on a database file of its own and spoken to over loopback HTTP: for tests that
/// must reach inside (a pragma on its connection, a snapshot held across a request) where a started process cannot.
/// </summary>
internal sealed class InProcessEmulator : IAsyncDisposable
{
    private readonly string? _ownedFolder;

    private InProcessEmulator(string? ownedFolder, Database database, WebApplication app, HttpClient api, HttpClient visitor)
    {
        _ownedFolder = ownedFolder;
        Database = database;
        App = app;
        Api = api;
        Visitor = visitor;
    }

    public Database Database { get; }
    public WebApplication App { get; }

    /// <summary>Sends the API key.</summary>
    public HttpClient Api { get; }

    /// <summary>A visitor without cookies that sees redirects instead of following them.</summary>
    public HttpClient Visitor { get; }

    /// <summary>On a database in a folder of its own, deleted with the emulator.</summary>
    public static async Task<InProcessEmulator> StartAsync(string key)
    {
        var folder = Directory.CreateTempSubdirectory("klinky-inproc-").FullName;
        return await StartAsync(key, Path.Combine(folder, "emulator.db"), ownedFolder: folder);
    }

    /// <summary>On <paramref name="databasePath"/>, which outlives the emulator (a restart on the same files).</summary>
    public static Task<InProcessEmulator> StartAsync(string key, string databasePath) => StartAsync(key, databasePath, ownedFolder: null);

    private static async Task<InProcessEmulator> StartAsync(string key, string databasePath, string? ownedFolder)
    {
        var settings = new ServeSettings { Urls = "http://127.0.0.1:0", ApiKeys = new[] { key }, DatabasePath = databasePath };
        var database = new Database(settings.DatabasePath);
        var app = EmulatorApp.Build(settings, database);
        await app.StartAsync();
        var root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        var api = new HttpClient { BaseAddress = root };
        api.DefaultRequestHeaders.Add("X-API-Key", key);
        var visitor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = root };
        return new InProcessEmulator(ownedFolder, database, app, api, visitor);
    }

    /// <summary>
    /// Visitors <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 of <paramref name="slug"/>,
    /// each with its own visitor id (tagged so tests do not share them), each redirected; the ids of their clicks.
    /// </summary>
    public async Task<List<string>> VisitAsync(string slug, int from, int count, string tag)
    {
        var clickIds = new List<string>();
        for (var i = from; i < from + count; i++)
        {
            var (status, location, _) = await Support.Api.VisitAsync(Visitor, slug, $"klinky_vid=visitor{i:D4}{tag}");
            Assert.Equal(HttpStatusCode.Found, status);
            clickIds.Add(Support.Api.ClickIdOf(location!)!);
        }

        return clickIds;
    }

    /// <summary>Reads the link's stats, which flushes the click writer: every answered redirect is committed after it.</summary>
    public async Task FlushClicksAsync(string linkId)
    {
        var (status, _) = await Support.Api.GetAsync(Api, $"{Support.Api.Links}/{linkId}/stats");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Visitor.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Database.Dispose();
        if (_ownedFolder is not null)
        {
            Directory.Delete(_ownedFolder, recursive: true);
        }
    }
}
