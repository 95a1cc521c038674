using System.Collections.Concurrent;
using System.Text.Json;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// The dashboard's event stream. Four times a second it reads the in-memory counters of the links someone is watching and, when
/// they moved, offers each watcher a <c>clicks</c> event (per variant: totals and what is new). The click path knows nothing of
/// it: no redirect waits for a watcher, and a watcher that stops reading is dropped (see <see cref="LiveSubscriber"/>).
/// Event data is JSON written with the default encoder, which escapes &lt; &gt; &amp; and quotes, and the page inserts it as
/// text only.
/// </summary>
internal sealed class LiveFeed : BackgroundService
{
    public const int MaxSubscribers = 100;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<LiveSubscriber, byte> _subscribers = new();
    private readonly Dictionary<string, long[]> _last = new(StringComparer.Ordinal);
    private readonly LinkStore _links;
    private readonly CounterCache _counters;
    private readonly TimeProvider _time;

    public LiveFeed(LinkStore links, CounterCache counters, TimeProvider time)
    {
        _links = links;
        _counters = counters;
        _time = time;
    }

    public int SubscriberCount => _subscribers.Count;

    /// <summary>A new watcher of <paramref name="linkId"/>, or null when <see cref="MaxSubscribers"/> are open.</summary>
    public LiveSubscriber? Subscribe(string linkId)
    {
        if (_subscribers.Count >= MaxSubscribers)
        {
            return null;
        }

        // Counted now, not at the next tick: clicks that land between the stream's opening and that tick are news to it.
        var subscriber = new LiveSubscriber(linkId, _links.GetAny(linkId) is { } link ? _counters.Snapshot(link) : null);
        _subscribers[subscriber] = 0;
        return subscriber;
    }

    public void Unsubscribe(LiveSubscriber subscriber) => _subscribers.TryRemove(subscriber, out _);

    /// <summary>Offers <paramref name="eventName"/> with <paramref name="payload"/> as JSON to every watcher of <paramref name="linkId"/>.</summary>
    public void Publish(string linkId, string eventName, object payload)
    {
        // One frame for every watcher; the dictionary is walked without its locks (Keys would take them all and copy).
        var frame = $"event: {eventName}\ndata: {JsonSerializer.Serialize(payload)}\n\n";
        foreach (var (subscriber, _) in _subscribers)
        {
            if (subscriber.LinkId == linkId && !subscriber.Offer(frame))
            {
                Unsubscribe(subscriber);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Poll();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the streams end with the server.
        }

        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Drop();
        }
    }

    internal void Poll()
    {
        var watched = _subscribers.Select(s => s.Key.LinkId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _last.Keys.Where(id => !watched.Contains(id)).ToList())
        {
            _last.Remove(gone);
        }

        foreach (var linkId in watched)
        {
            if (_links.GetAny(linkId) is not { } link)
            {
                continue;
            }

            var now = _counters.Snapshot(link);
            var before = _last.GetValueOrDefault(linkId) ?? _subscribers.Select(s => s.Key).FirstOrDefault(s => s.LinkId == linkId && s.Baseline is not null)?.Baseline;
            _last[linkId] = now;
            if (before is null || before.SequenceEqual(now))
            {
                continue;
            }

            var same = before.Length == now.Length;
            var variants = link.Variants.Select((v, i) => new
            {
                label = v.Label,
                clicks = now[2 * i],
                conversions = now[(2 * i) + 1],
                new_clicks = same ? now[2 * i] - before[2 * i] : 0,
                new_conversions = same ? now[(2 * i) + 1] - before[(2 * i) + 1] : 0,
            }).ToList();
            Publish(linkId, "clicks", new { at = _time.GetUtcNow(), variants });
        }
    }
}
