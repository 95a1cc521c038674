using Klinky.Emulator.Storage;
using Klinky.Emulator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Klinky.Emulator.Tests.Storage;

public sealed class ClickReadTests : IAsyncLifetime
{
    private InProcessEmulator _emulator = null!;
    private string _linkId = "";

    public async Task InitializeAsync()
    {
        _emulator = await InProcessEmulator.StartAsync("klinky_live_clickreads");
        _linkId = (await Api.CreateLinkAsync(_emulator.Api, Api.NewSlug("reads"))).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Queries_RightAfterAClickIsRecorded_SeeItWithoutTheCallerFlushing()
    {
        var writer = _emulator.App.Services.GetRequiredService<ClickWriter>();
        var queries = _emulator.App.Services.GetRequiredService<ClickQueries>();
        var click = Click();

        // Recorded, not committed: the writer gathers for 20 ms before its next transaction. The read path flushes.
        Assert.True(writer.TryRecord(click));
        var (items, total) = await queries.PageAsync(_linkId, DateRange.All, 1, 100, CancellationToken.None);
        var found = await queries.FindAsync(click.Id, CancellationToken.None);

        Assert.Equal(1, total);
        Assert.Equal(click.Id, Assert.Single(items).Id);
        Assert.Equal((_linkId, "control", false), found);
    }

    [Fact]
    public async Task TryRecord_AfterTheWriterStopped_RefusesAndJournalsNothing()
    {
        var writer = _emulator.App.Services.GetRequiredService<ClickWriter>();
        await writer.StopAsync(CancellationToken.None);
        var journal = _emulator.Database.Path + "-clicks0";

        Assert.False(writer.TryRecord(Click()));
        Assert.Equal(1, writer.UnrecordedClicks);
        Assert.Equal(0, new FileInfo(journal).Length);
        await writer.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
    }

    private ClickEvent Click() => new()
    {
        Id = Guid.CreateVersion7().ToString(),
        LinkId = _linkId,
        VariantLabel = "control",
        CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
    };

    public async Task DisposeAsync() => await _emulator.DisposeAsync();
}
