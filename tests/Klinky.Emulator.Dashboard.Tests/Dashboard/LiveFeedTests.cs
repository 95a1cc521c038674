using Klinky.Emulator.Dashboard;
using Klinky.Emulator.Storage;
using Klinky.Testing;

namespace Klinky.Emulator.Dashboard.Tests.Dashboard;

/// <summary>The event stream's bounds, on the real feed: a watcher that never reads is dropped, and publishing never waits for one.</summary>
public sealed class LiveFeedTests : IDisposable
{
    private readonly Database _database = new(null);
    private readonly LiveFeed _feed;

    private readonly LinkStore _links;
    private readonly CounterCache _counters;

    public LiveFeedTests()
    {
        _links = new LinkStore(_database);
        _counters = new CounterCache(_database);
        _feed = new LiveFeed(_links, _counters, TimeProvider.System);
    }

    [Fact]
    public void ClicksBetweenTheStreamOpeningAndTheFeedsNextTick_AreSentToIt()
    {
        // The feed polls every 250 ms; on a loaded machine a whole burst of clicks can land before its first look at a new
        // watcher. They happened after the stream opened, so the watcher must hear of them.
        var now = DateTimeOffset.UtcNow;
        var link = _links.Create(new LinkRecord
        {
            Id = "link-live", Workspace = "w", Sequence = 1, Slug = "live-tick", Name = "Live",
            Variants = new[] { new Klinky.Links.Variant("control", "https://example.com/a", 50), new Klinky.Links.Variant("variant_b", "https://example.com/b", 50) },
            CreatedAt = now, UpdatedAt = now,
        }, null, _ => "").Link!;
        var watcher = _feed.Subscribe(link.Id)!;

        _counters.Add(link.Id, "variant_b", 30, 0);
        _feed.Poll();

        Assert.True(watcher.Frames.TryRead(out var frame), "no event for the clicks made before the feed's first tick");
        Assert.Contains("\"new_clicks\":30", frame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWatcherThatNeverReads_IsDroppedOnceItsQueueIsFull_AndItsWritesCancelled()
    {
        var stalled = _feed.Subscribe("link-1")!;

        for (var i = 0; i < LiveSubscriber.QueueLength; i++)
        {
            _feed.Publish("link-1", "clicks", new { i });
        }

        Assert.False(stalled.IsDropped);

        // The watcher never reads: a publish that waited for room would never return, so returning at all (within a
        // deadline only a hang reaches) shows it did not wait; no clock a loaded machine could miss.
        var publish = Task.Run(() => _feed.Publish("link-1", "clicks", new { overflow = true }));
        Assert.True(await Poll.UntilAsync(() => Task.FromResult(publish.IsCompleted)), "the publish that found the queue full waited for the watcher");
        await publish;

        Assert.True(stalled.IsDropped);
        Assert.True(stalled.Dropped.IsCancellationRequested);
        Assert.Equal(0, _feed.SubscriberCount);
        Assert.True(stalled.Frames.Completion.IsCompleted || stalled.Frames.Count == LiveSubscriber.QueueLength);
    }

    [Fact]
    public async Task PublishingNeverWaitsForAStalledWatcher_WhileAReadingWatcherKeepsItsEvents()
    {
        var stalled = _feed.Subscribe("link-2")!;
        var reading = _feed.Subscribe("link-2")!;

        // The stalled watcher never reads: had publishing waited for it, this loop would never end (a deadline only a hang
        // reaches turns that into a failure); how fast it ends is no concern of this test.
        var publishing = Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                _feed.Publish("link-2", "clicks", new { i });
                if (i < 10)
                {
                    Assert.True(reading.Frames.TryRead(out var frame));
                    Assert.Contains($"{{\"i\":{i}}}", frame, StringComparison.Ordinal);
                }
                else if (reading.Frames.Count > LiveSubscriber.QueueLength / 2)
                {
                    while (reading.Frames.TryRead(out _))
                    {
                    }
                }
            }
        });

        Assert.True(await Poll.UntilAsync(() => Task.FromResult(publishing.IsCompleted)), "publishing 10,000 events waited for the stalled watcher");
        await publishing;
        Assert.True(stalled.IsDropped);
        Assert.False(reading.IsDropped);
    }

    [Fact]
    public void OpenStreams_AreCapped()
    {
        for (var i = 0; i < LiveFeed.MaxSubscribers; i++)
        {
            Assert.NotNull(_feed.Subscribe("link-3"));
        }

        Assert.Null(_feed.Subscribe("link-3"));
    }

    public void Dispose()
    {
        _feed.Dispose();
        _database.Dispose();
    }
}
