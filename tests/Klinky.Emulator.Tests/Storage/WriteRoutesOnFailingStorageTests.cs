using System.Net;
using System.Text.Json;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Storage;

/// <summary>
/// Every write route of the API on storage that stops taking writes while the emulator runs: a database made read-only
/// (SQLite's <c>query_only</c> on the emulator's own connection) and a disk that is really full (the database on a small
/// tmpfs, filled to the last byte). Each answers Klinky's error body with a status and a detail that say what happened to
/// the storage (never a 500, never a .NET type name), writes nothing half, and the emulator keeps serving reads.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WriteRoutesOnFailingStorageTests : IAsyncLifetime
{
    private const string Key = "klinky_live_faultystore";
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-faulty-").FullName;
    private string? _mount;

    public static TheoryData<string> WriteRoutes => new() { "create", "update", "replace-variants", "delete", "winner", "conversion", "webhook" };

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task WriteRoute_OnAReadOnlyDatabase_Answers503NamingIt_WritesNothing_AndReadsGoOn(string route)
    {
        await using var emulator = await InProcessEmulator.StartAsync(Key, Path.Combine(_folder, "emulator.db"));
        var fixture = await Fixture.CreateAsync(emulator);

        emulator.Database.Execute("PRAGMA query_only = 1;");
        var (status, body) = await SendAsync(emulator, fixture, route);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("read-only", Api.Detail(body), StringComparison.Ordinal);
        Assert.Contains("nothing was written", Api.Detail(body), StringComparison.Ordinal);
        Assert.Null(DotNetTypeNames.In(body.ToString()));
        await fixture.AssertReadableAsync(emulator);

        emulator.Database.Execute("PRAGMA query_only = 0;");
        await fixture.AssertUnchangedAsync(emulator);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task WriteRoute_OnAFullDisk_Answers507NamingIt_WritesNothing_AndReadsGoOn(string route)
    {
        var folder = await MountSmallTmpfsAsync();
        await using var emulator = await InProcessEmulator.StartAsync(Key, Path.Combine(folder, "emulator.db"));
        var fixture = await Fixture.CreateAsync(emulator);

        var filler = FillDisk(folder);
        var (status, body) = await SendAsync(emulator, fixture, route);
        Assert.True(status == HttpStatusCode.InsufficientStorage, $"{route} answered {(int)status}: {body}");
        Assert.Contains("storage is full", Api.Detail(body), StringComparison.Ordinal);
        Assert.Null(DotNetTypeNames.In(body.ToString()));
        await fixture.AssertReadableAsync(emulator);

        File.Delete(filler);
        await fixture.AssertUnchangedAsync(emulator);
        if (route == "create")
        {
            // The refused create left no idempotency claim behind: the same key now creates the link.
            var (retried, created) = await SendAsync(emulator, fixture, route);
            Assert.True(retried == HttpStatusCode.Created, $"the retried create answered {(int)retried}: {created}");
        }
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(InProcessEmulator emulator, Fixture fixture, string route)
    {
        var link = $"{Api.Links}/{fixture.LinkId}";
        return route switch
        {
            "create" => SendWithIdempotencyKeyAsync(emulator.Api, Api.Links, JsonSerializer.Serialize(Api.LinkBody(fixture.NewSlug))),
            "update" => Api.SendAsync(emulator.Api, HttpMethod.Put, link, """{"name": "Renamed"}"""),
            "replace-variants" => Api.SendAsync(emulator.Api, HttpMethod.Put, link + "/variants",
                """[{"label": "control", "destination_url": "https://example.com/x", "weight": 10}, {"label": "variant_b", "destination_url": "https://example.com/y", "weight": 90}]"""),
            "delete" => Api.SendAsync(emulator.Api, HttpMethod.Delete, link),
            "winner" => Api.SendAsync(emulator.Api, HttpMethod.Post, link + "/winner", """{"label": "variant_b"}"""),
            "conversion" => Api.SendAsync(emulator.Api, HttpMethod.Post, "api/v1/public/conversions", $$"""{"click_id": "{{fixture.ClickId}}", "event": "signup"}"""),
            "webhook" => Api.SendAsync(emulator.Api, HttpMethod.Post, "api/v1/public/webhooks",
                """{"url": "http://127.0.0.1:9/hooks", "secret": "a-secret-of-some-length", "events": ["link.created"]}"""),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
        };
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendWithIdempotencyKeyAsync(HttpClient api, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "full-disk-create-1");
        using var response = await api.SendAsync(request);
        return (response.StatusCode, await Api.ReadJsonAsync(response));
    }

    /// <summary>A 3 MB tmpfs of this test's own: a disk that really fills, without touching the machine's.</summary>
    private async Task<string> MountSmallTmpfsAsync()
    {
        Assert.True(Environment.UserName == "root", "mounting a tmpfs needs root (CI and the development machines run as root)");
        _mount = Path.Combine(_folder, "tmpfs");
        Directory.CreateDirectory(_mount);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", _mount);
        return _mount;
    }

    /// <summary>Writes until the kernel says ENOSPC; returns the filler, whose deletion frees the disk again.</summary>
    private static string FillDisk(string folder)
    {
        var filler = Path.Combine(folder, "filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // Full: what is left is less than a block.
        }

        try
        {
            while (true)
            {
                stream.Write(block, 0, 1);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Full to the byte.
        }

        return filler;
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var run = await ToolRun.RunAsync(file, arguments);
        Assert.True(run.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {run.Errors}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_mount is not null)
        {
            await RunAsync("umount", "-l", _mount);
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A link with one click, and what the API says of it before the fault: what "nothing half-written" is checked against.</summary>
    private sealed record Fixture(string LinkId, string ClickId, string NewSlug, string LinkBefore)
    {
        public static async Task<Fixture> CreateAsync(InProcessEmulator emulator)
        {
            var slug = Api.NewSlug("fault");
            var linkId = (await Api.CreateLinkAsync(emulator.Api, slug)).GetProperty("id").GetString()!;
            var (_, location, _) = await Api.VisitAsync(emulator.Visitor, slug);
            var clickId = Api.ClickIdOf(location!)!;
            Assert.Equal(1, await Api.ClickTotalAsync(emulator.Api, linkId));
            return new Fixture(linkId, clickId, Api.NewSlug("fault-new"), await ReadLinkAsync(emulator, linkId));
        }

        public async Task AssertReadableAsync(InProcessEmulator emulator)
        {
            var (status, _) = await Api.GetAsync(emulator.Api, Api.Links);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(LinkBefore, await ReadLinkAsync(emulator, LinkId));
        }

        public async Task AssertUnchangedAsync(InProcessEmulator emulator)
        {
            Assert.Equal(LinkBefore, await ReadLinkAsync(emulator, LinkId));
            var (newStatus, _) = await Api.GetAsync(emulator.Api, $"{Api.Links}/{NewSlug}");
            Assert.Equal(HttpStatusCode.NotFound, newStatus);
            var (_, stats) = await Api.GetAsync(emulator.Api, $"{Api.Links}/{LinkId}/stats");
            Assert.Equal(0, stats.GetProperty("total_conversions").GetInt32());
            var (_, hooks) = await Api.GetAsync(emulator.Api, "api/v1/public/webhooks");
            Assert.Equal(0, hooks.GetProperty("items").GetArrayLength());
        }

        private static async Task<string> ReadLinkAsync(InProcessEmulator emulator, string linkId)
        {
            var (status, body) = await Api.GetAsync(emulator.Api, $"{Api.Links}/{linkId}");
            Assert.Equal(HttpStatusCode.OK, status);
            return body.ToString();
        }
    }
}
