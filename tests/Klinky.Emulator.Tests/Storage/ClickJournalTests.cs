using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Storage;

public sealed class ClickJournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-journal-").FullName;

    private string DatabasePath => Path.Combine(_folder, "emulator.db");

    [Fact]
    public void ReadAll_GivesBackWhatWasAppended_WithFreeTextReferrersIntact()
    {
        var written = new[]
        {
            Click(referrer: "https://news.example/?q=a\tb\\c"),
            Click(referrer: null, country: null, device: null),
            Click(referrer: "https://héllo.example/ünïcode"),
        };
        using (var journal = ClickJournal.Open(DatabasePath))
        {
            foreach (var click in written)
            {
                journal.Append(click);
            }
        }

        using var reopened = ClickJournal.Open(DatabasePath);
        var (clicks, damaged) = reopened.ReadAll();

        Assert.Equal(0, damaged);
        Assert.Equal(written.Select(Describe), clicks.Select(Describe));
        Assert.Equal(new long[] { 1, 2, 3 }, written.Select(c => c.JournalSequence));
    }

    [Fact]
    public void ReadAll_ATornLastLine_IsSkippedAndCounted()
    {
        var whole = Click();
        File.WriteAllText(DatabasePath + "-clicks0", ClickJournal.Format(whole) + ClickJournal.Format(Click())[..20]);
        File.WriteAllText(DatabasePath + "-clicks1", "not\ta\tclick\n");

        using var journal = ClickJournal.Open(DatabasePath);
        var (clicks, damaged) = journal.ReadAll();

        Assert.Equal(whole.Id, Assert.Single(clicks).Id);
        Assert.Equal(2, damaged);
    }

    [Fact]
    public void Committed_UnderUnbrokenLoad_SealsAndEmptiesFilesSoTheJournalStaysBounded()
    {
        long committed = 0;
        var largest = 0L;
        using (var journal = ClickJournal.Open(DatabasePath))
        {
            // The writer is always 500 clicks behind: the journal is never idle, so only sealing can empty it.
            for (var i = 0; i < 120_000; i++)
            {
                journal.Append(Click());
                if (i % 1000 == 999)
                {
                    committed = i + 1 - 500;
                    journal.Committed(committed);
                    largest = Math.Max(largest, JournalBytes());
                }
            }

            Assert.True(largest < 9 * 1024 * 1024, $"the journal grew to {largest:N0} bytes");
            journal.Committed(120_000);
            Assert.Equal(0, JournalBytes());
        }
    }

    [Fact]
    public async Task Start_WithClicksLeftInTheJournal_StoresTheMissingOnesOnceAndEmptiesIt()
    {
        const string key = "klinky_live_journalreplay";
        string linkId;
        var stored = new List<string>();
        await using (var first = await InProcessEmulator.StartAsync(key, DatabasePath))
        {
            linkId = (await Api.CreateLinkAsync(first.Api, Api.NewSlug("replay"))).GetProperty("id").GetString()!;
            var slug = (await Api.GetAsync(first.Api, $"{Api.Links}/{linkId}")).Body.GetProperty("slug").GetString()!;
            for (var i = 0; i < 3; i++)
            {
                stored.Add(Api.ClickIdOf((await Api.VisitAsync(first.Visitor, slug)).Location!)!);
            }

            Assert.Equal(3, await Api.ClickTotalAsync(first.Api, linkId));
        }

        // What a kill leaves: lines the database already has (committed, not yet emptied), lines it never got, a torn one.
        var missing = new[] { Click(linkId), Click(linkId) };
        var lines = stored.Select(id => ClickJournal.Format(Click(linkId, id))).Concat(missing.Select(ClickJournal.Format));
        await File.WriteAllTextAsync(DatabasePath + "-clicks1", string.Concat(lines) + "0193");

        await using (var second = await InProcessEmulator.StartAsync(key, DatabasePath))
        {
            Assert.Equal(5, await Api.ClickTotalAsync(second.Api, linkId));
            var stats = (await Api.GetAsync(second.Api, $"{Api.Links}/{linkId}/stats")).Body;
            Assert.Equal(5, stats.GetProperty("variants").EnumerateArray().Sum(v => v.GetProperty("clicks").GetInt32()));
            foreach (var click in missing)
            {
                using var conversion = await second.Api.PostAsJsonAsync("api/v1/public/conversions", new { click_id = click.Id, @event = "signup" });
                Assert.Equal(HttpStatusCode.Accepted, conversion.StatusCode);
            }
        }

        Assert.Equal(0, JournalBytes());
    }

    private long JournalBytes() => new FileInfo(DatabasePath + "-clicks0").Length + new FileInfo(DatabasePath + "-clicks1").Length;

    private static ClickEvent Click(string linkId = "link", string? id = null, string? referrer = "https://ref.example/", string? country = "DE", string? device = "desktop") => new()
    {
        Id = id ?? Guid.CreateVersion7().ToString(),
        LinkId = linkId,
        VariantLabel = "control",
        CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        Country = country,
        Referrer = referrer,
        Device = device,
    };

    private static string Describe(ClickEvent c) => $"{c.Id}|{c.LinkId}|{c.VariantLabel}|{c.CreatedAtMs}|{c.Country}|{c.Device}|{c.Referrer}";

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
