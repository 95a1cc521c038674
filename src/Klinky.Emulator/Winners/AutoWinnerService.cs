using System.Collections.Concurrent;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Webhooks;
using Klinky.Stats;

namespace Klinky.Emulator.Winners;

/// <summary>
/// Declares winners for links with <c>auto_winner</c> on: links that got clicks or conversions are re-checked a few times a
/// second with Core's verdict (and the link's verdict memory), and once it is significant, with a winner separated from
/// any other winner, the recommended winner becomes <c>winner_label</c> and
/// <c>winner.declared</c> is emitted. Checking this often is sound only because the verdict is always-valid: a
/// fixed-horizon rule read after every batch would promote a winner in about half of experiments where none exists.
/// </summary>
internal sealed class AutoWinnerService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly LinkStore _links;
    private readonly LinkStatsService _stats;
    private readonly WebhookDispatcher _webhooks;
    private readonly TimeProvider _time;
    private readonly ILogger<AutoWinnerService> _logger;

    public AutoWinnerService(LinkStore links, LinkStatsService stats, WebhookDispatcher webhooks, ClickWriter clicks, TimeProvider time, ILogger<AutoWinnerService> logger)
    {
        _links = links;
        _stats = stats;
        _webhooks = webhooks;
        _time = time;
        _logger = logger;
        clicks.Committed += ids =>
        {
            foreach (var id in ids)
            {
                MarkDirty(id);
            }
        };
    }

    public void MarkDirty(string linkId) => _dirty[linkId] = 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var id in _dirty.Keys)
            {
                _dirty.TryRemove(id, out _);
                try
                {
                    Check(id);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "Auto-winner check failed for link {LinkId}", id);
                }
            }
        }
    }

    private void Check(string linkId)
    {
        var link = _links.GetAny(linkId);
        if (link is null || link.IsDeleted || !link.AutoWinner || link.WinnerLabel is not null)
        {
            return;
        }

        // Core's whole verdict, with the link's memory: withheld on a sample-ratio mismatch, and a winner tied with
        // another (both beat the control, the data do not order them) is not promoted: the link keeps testing them.
        var verdict = _stats.ComputeCommitted(link);
        if (verdict.Status != StatsStatus.Significant || verdict.RecommendedWinner is not { } winner || verdict.TiedWinners.Count > 0)
        {
            return;
        }

        // Decided on a snapshot; written against the live record, so a PUT or DELETE that landed meanwhile is kept (a link
        // whose auto-winner was switched off, or that got a winner by hand, is left alone).
        var saved = _links.ChangeLive(linkId, current => current.AutoWinner && current.WinnerLabel is null
            ? current with { WinnerLabel = winner, UpdatedAt = _time.GetUtcNow() }
            : null);
        if (saved is null)
        {
            return;
        }

        var stats = _stats.ComputeCommitted(saved);
        _webhooks.Publish(saved.Workspace, WebhookEvents.WinnerDeclared, new WinnerDeclared(saved.Id, saved.Slug, winner, "auto_winner", stats));
    }
}
