using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Storage;

/// <summary>
/// Storage that stops taking writes while the emulator runs, made real without filling a disk: SQLite's <c>query_only</c>
/// makes the emulator's own connection refuse every write (the next click batch fails as it would on a full disk or a file
/// made read-only), and a click journal whose active file is a link to <c>/dev/full</c> fails every append with the kernel's
/// ENOSPC, exactly as a full disk does. The emulator runs in this process and is spoken to over loopback HTTP.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClickStoreFailureTests : IDisposable
{
    private const string Key = "klinky_live_fullstore";
    private static readonly TimeSpan Patience = Poll.GenerousDeadline;
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-full-").FullName;

    [Fact]
    public async Task Redirect_WhenTheDatabaseStopsTakingWrites_KeepsAnsweredClicksPendingRefusesNewOnesAndStoresThemOnRecovery()
    {
        await using var emulator = await InProcessEmulator.StartAsync(Key, Path.Combine(_folder, "emulator.db"));
        var slug = Api.NewSlug("full");
        var linkId = (await Api.CreateLinkAsync(emulator.Api, slug)).GetProperty("id").GetString()!;
        emulator.Database.Execute("PRAGMA query_only = 1;");

        // Answered before the writer met the refusal: journaled, so the 302 and its kl_cid stand.
        var (status, location, _) = await Api.VisitAsync(emulator.Visitor, slug);
        Assert.Equal(HttpStatusCode.Found, status);
        var answeredClickId = Api.ClickIdOf(location!)!;
        var failing = await WaitForHealthAsync(emulator, h => h.GetProperty("pending_clicks").GetInt64() == 1);
        Assert.Contains("readonly", failing.GetProperty("last_storage_error").GetString(), StringComparison.OrdinalIgnoreCase);

        var refused = new List<(HttpStatusCode Status, string? Location, string Body)>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await emulator.Visitor.GetAsync(slug);
            refused.Add((response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync()));
        }

        Assert.All(refused, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.Null(a.Location);
            Assert.Contains("could not be recorded", a.Body, StringComparison.Ordinal);
        });
        using (var health = await emulator.Visitor.GetAsync("healthz"))
        {
            using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("degraded", report.RootElement.GetProperty("status").GetString());
            Assert.Equal(20, report.RootElement.GetProperty("unrecorded_clicks").GetInt64());
            Assert.Equal(1, report.RootElement.GetProperty("pending_clicks").GetInt64());
        }

        // A read commits what is queued first; while the database refuses, it answers with what is stored instead of waiting.
        Assert.Equal(0, await Api.ClickTotalAsync(emulator.Api, linkId));

        emulator.Database.Execute("PRAGMA query_only = 0;");
        var recovered = await WaitForHealthAsync(emulator, h => h.GetProperty("pending_clicks").GetInt64() == 0);

        Assert.Equal(20, recovered.GetProperty("unrecorded_clicks").GetInt64());
        Assert.Equal(1, await Api.ClickTotalAsync(emulator.Api, linkId));
        using var conversion = await emulator.Api.PostAsJsonAsync("api/v1/public/conversions", new { click_id = answeredClickId, @event = "signup" });
        Assert.Equal(HttpStatusCode.Accepted, conversion.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await Api.VisitAsync(emulator.Visitor, slug)).Status);
    }

    [Fact]
    public async Task Redirect_WhenTheClickJournalCannotBeWritten_Answers503WithoutAClickIdAndHealthzNamesTheJournal()
    {
        var database = Path.Combine(_folder, "emulator.db");
        File.CreateSymbolicLink(database + "-clicks0", "/dev/full");
        await using var emulator = await InProcessEmulator.StartAsync(Key, database);
        var slug = Api.NewSlug("nospace");
        var linkId = (await Api.CreateLinkAsync(emulator.Api, slug)).GetProperty("id").GetString()!;

        var answers = new List<(HttpStatusCode Status, string? Location)>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await emulator.Visitor.GetAsync(slug);
            answers.Add((response.StatusCode, response.Headers.Location?.ToString()));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.ServiceUnavailable, (string?)null), a));
        using var health = await emulator.Visitor.GetAsync("healthz");
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(20, report.RootElement.GetProperty("unrecorded_clicks").GetInt64());
        Assert.Equal(0, report.RootElement.GetProperty("pending_clicks").GetInt64());
        var error = report.RootElement.GetProperty("last_storage_error").GetString()!;
        Assert.Contains("click journal " + database + "-clicks0", error, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error, StringComparison.Ordinal);
        Assert.Equal(0, await Api.ClickTotalAsync(emulator.Api, linkId));
    }

    private static async Task<JsonElement> WaitForHealthAsync(InProcessEmulator emulator, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var health = await emulator.Visitor.GetAsync("healthz");
            var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.Clone();
            if (condition(report) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(report), $"healthz never got there: {report}");
                return report;
            }

            await Task.Delay(50);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
