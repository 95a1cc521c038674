using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// Commits clicks in groups: whatever has queued up while the previous batch was being written goes into one transaction,
/// together with its counter increments, and each click's <see cref="ClickEvent.Stored"/> completes after that commit.
/// The redirect waits for it before answering, so a 302 carrying a <c>kl_cid</c> names a click that is on disk (a WAL
/// commit survives a killed process), and one commit serves every redirect that arrived meanwhile. A batch that cannot be
/// written is counted in <see cref="UnrecordedClicks"/> (served on <c>/healthz</c>), logged, and failed back to its redirects.
/// </summary>
internal sealed class ClickWriter : IHostedService
{
    private const int MaxBatch = 4096;
    private readonly Channel<ClickEvent> _queue = Channel.CreateUnbounded<ClickEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Database _database;
    private readonly CounterCache _counters;
    private readonly ILogger<ClickWriter> _logger;
    private Task _loop = Task.CompletedTask;
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromSeconds(10);
    private long _unrecorded;
    private long _unrecordedAtLastLog;
    private long _lastFailureLogged = long.MinValue;

    public ClickWriter(Database database, CounterCache counters, ILogger<ClickWriter> logger)
    {
        _database = database;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>Raised after a batch commits, with the ids of the links that got clicks.</summary>
    public event Action<IReadOnlyCollection<string>>? Committed;

    /// <summary>Clicks whose batch could not be committed since the start.</summary>
    public long UnrecordedClicks => Interlocked.Read(ref _unrecorded);

    /// <summary>Why the last batch failed, or null when none has.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Queues <paramref name="click"/>; false (and the click completed as not stored) once the writer has stopped.</summary>
    public bool TryEnqueue(ClickEvent click)
    {
        if (_queue.Writer.TryWrite(click))
        {
            return true;
        }

        click.Complete(false);
        return false;
    }

    /// <summary>Completes when every click queued before this call is committed.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(new ClickEvent { Flushed = flushed }) ? flushed.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: the batches are synchronous SQLite work, and holding a pool thread for them starves the
        // redirect path on a small machine (the pool grows slowly), which showed as 100+ ms p99 stalls.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<ClickEvent>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            flushes.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                if (item.Flushed is not null)
                {
                    flushes.Add(item.Flushed);
                }
                else
                {
                    batch.Add(item);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch);
            }

            foreach (var flushed in flushes)
            {
                flushed.TrySetResult();
            }
        }
    }

    private void Commit(List<ClickEvent> batch)
    {
        var increments = new Dictionary<(string LinkId, string Label), long>();
        foreach (var click in batch)
        {
            var key = (click.LinkId, click.VariantLabel);
            increments[key] = increments.GetValueOrDefault(key) + 1;
        }

        try
        {
            _database.InTransaction((connection, transaction) =>
            {
                InsertClicks(connection, transaction, batch);
                foreach (var ((linkId, label), count) in increments)
                {
                    CounterCache.AddToTable(connection, transaction, linkId, label, count, 0);
                }

                return 0;
            });
        }
        catch (SqliteException ex)
        {
            var total = Interlocked.Add(ref _unrecorded, batch.Count);
            LastFailure = ex.Message;
            LogFailure(total, ex.Message);
            foreach (var click in batch)
            {
                click.Complete(false);
            }

            return;
        }

        foreach (var ((linkId, label), count) in increments)
        {
            _counters.Add(linkId, label, count, 0);
        }

        // After the counters: a client that reads the stats right after its 302 sees its click.
        foreach (var click in batch)
        {
            click.Complete(true);
        }

        Committed?.Invoke(increments.Keys.Select(k => k.LinkId).Distinct().ToList());
    }

    // The first failure is logged at once, later ones at most every 10 seconds with the count since: a full disk under load
    // fails thousands of batches, and a line for each would bury the one that says why.
    private void LogFailure(long total, string reason)
    {
        var now = Environment.TickCount64;
        if (_lastFailureLogged != long.MinValue && now - _lastFailureLogged < FailureLogInterval.TotalMilliseconds)
        {
            return;
        }

        _logger.LogError(
            "Could not store {Count} clicks ({Total} unrecorded since start; their redirects were answered 503, see /healthz): {Reason}",
            total - _unrecordedAtLastLog, total, reason);
        _lastFailureLogged = now;
        _unrecordedAtLastLog = total;
    }

    private static void InsertClicks(SqliteConnection connection, SqliteTransaction transaction, List<ClickEvent> batch)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO clicks (id, link_id, variant_label, created_at, country, referrer, device) VALUES ($id, $l, $v, $t, $c, $r, $d)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var link = command.Parameters.Add("$l", SqliteType.Text);
        var variant = command.Parameters.Add("$v", SqliteType.Text);
        var time = command.Parameters.Add("$t", SqliteType.Integer);
        var country = command.Parameters.Add("$c", SqliteType.Text);
        var referrer = command.Parameters.Add("$r", SqliteType.Text);
        var device = command.Parameters.Add("$d", SqliteType.Text);
        command.Prepare();
        foreach (var click in batch)
        {
            id.Value = click.Id;
            link.Value = click.LinkId;
            variant.Value = click.VariantLabel;
            time.Value = click.CreatedAtMs;
            country.Value = (object?)click.Country ?? DBNull.Value;
            referrer.Value = (object?)click.Referrer ?? DBNull.Value;
            device.Value = (object?)click.Device ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }
}
