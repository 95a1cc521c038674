using System.Diagnostics;
using Klinky.Emulator.Dashboard;
using Klinky.Emulator.Storage;

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
    public void AWatcherThatNeverReads_IsDroppedOnceItsQueueIsFull_AndItsWritesCancelled()
    {
        var stalled = _feed.Subscribe("link-1")!;

        for (var i = 0; i < LiveSubscriber.QueueLength; i++)
        {
            _feed.Publish("link-1", "clicks", new { i });
        }

        Assert.False(stalled.IsDropped);
        var clock = Stopwatch.StartNew();
        _feed.Publish("link-1", "clicks", new { overflow = true });
        clock.Stop();

        Assert.True(stalled.IsDropped);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"the publish that found the queue full took {clock.Elapsed}: it waited for the watcher");
        Assert.True(stalled.Dropped.IsCancellationRequested);
        Assert.Equal(0, _feed.SubscriberCount);
        Assert.True(stalled.Frames.Completion.IsCompleted || stalled.Frames.Count == LiveSubscriber.QueueLength);
    }

    [Fact]
    public async Task PublishingNeverWaitsForAStalledWatcher_WhileAReadingWatcherKeepsItsEvents()
    {
        var stalled = _feed.Subscribe("link-2")!;
        var reading = _feed.Subscribe("link-2")!;

        var clock = Stopwatch.StartNew();
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

        clock.Stop();
        Assert.True(stalled.IsDropped);
        Assert.False(reading.IsDropped);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"10,000 events took {clock.Elapsed}");
        await Task.CompletedTask;
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
