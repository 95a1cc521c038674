using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// Records clicks. A redirect's click is appended to the <see cref="ClickJournal"/> (on a database file) before its 302
/// leaves, so a handed-out <c>kl_cid</c> survives a killed process; the writer thread then commits clicks in groups, up to
/// <see cref="GatherWindow"/> apart, with their counter increments in the same transaction. The writer owns the journal (it
/// opens it at start, replays it, and closes it). Reads of clicks go through <see cref="ClickQueries"/> and
/// <see cref="Winners.LinkStatsService"/>, which call <see cref="FlushAsync"/> (it commits at once) before they read, so no
/// endpoint has to remember to.
/// Nothing is lost in silence: a click whose journal line cannot be written is refused (the redirect answers 503) and counted
/// in <see cref="UnrecordedClicks"/>; a batch the database refuses stays pending (and in the journal), is retried every
/// second and shown in <see cref="PendingClicks"/>, and new clicks are refused until it is stored. Both are on
/// <c>/healthz</c> and in the log.
/// </summary>
internal sealed class ClickWriter : IHostedService, IDisposable
{
    private const int MaxBatch = 4096;

    // One transaction per 20 ms instead of one per handful of clicks: a commit's fixed cost (WAL frames, the B-tree's right
    // edge rewritten) spread over a thousand clicks is what keeps the writer's share of a core small under load.
    private static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromSeconds(10);
    private readonly Channel<ClickQueueItem> _queue = Channel.CreateUnbounded<ClickQueueItem>(new UnboundedChannelOptions { SingleReader = true });

    // Held around a click's journal append and its queueing (so the queue's order is the journal's) and around completing the
    // queue at stop (so a click is either journaled and queued, or neither).
    private readonly Lock _order = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly List<ClickEvent> _pending = new();
    private readonly Database _database;
    private readonly ClickJournal? _journal;
    private readonly ClickStore _store;
    private readonly ILogger<ClickWriter> _logger;
    private Task _loop = Task.CompletedTask;
    private volatile bool _failing;
    private volatile bool _stopping;
    private int _waitingFlushes;
    private int _queued;
    private long _unrecorded;
    private long _pendingCount;
    private long _unrecordedAtLastLog;
    private long _lastFailureLogged = long.MinValue;

    /// <exception cref="DatabaseUnusableException">The click journal beside the database file cannot be opened for writing
    /// (another emulator holds it). Thrown while the app is built (the redirect handler needs the writer), before anything
    /// is served or logged.</exception>
    public ClickWriter(Database database, CounterCache counters, ClickTimeline timeline, ILogger<ClickWriter> logger)
    {
        _database = database;
        _journal = OpenJournal(database.Path);
        _store = new ClickStore(database, counters, timeline);
        _logger = logger;
    }

    /// <summary>Raised after a batch commits, with the ids of the links that got clicks.</summary>
    public event Action<IReadOnlyCollection<string>>? Committed;

    /// <summary>Clicks refused since the start because they could not be recorded (their redirects answered 503).</summary>
    public long UnrecordedClicks => Interlocked.Read(ref _unrecorded);

    /// <summary>Clicks answered and journaled whose database commit failed and is being retried.</summary>
    public long PendingClicks => Interlocked.Read(ref _pendingCount);

    /// <summary>Why the last write failed, or null when none has.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>
    /// Records <paramref name="click"/> durably enough to answer its redirect: journaled (on a database file) and queued.
    /// False when it cannot be: the journal cannot be written, the database is refusing batches, or the writer has stopped.
    /// </summary>
    public bool TryRecord(ClickEvent click)
    {
        if (_failing || _stopping)
        {
            Refuse(_stopping ? "the emulator is stopping" : LastFailure!);
            return false;
        }

        try
        {
            if (!Enqueue(click))
            {
                Refuse("the emulator is stopping");
                return false;
            }
        }
        catch (IOException ex)
        {
            LastFailure = $"the click journal {_journal!.ActivePath} cannot be written: {ex.Message}";
            Refuse(LastFailure);
            return false;
        }

        if (Interlocked.Increment(ref _queued) == MaxBatch)
        {
            _wake.Set();
        }

        return true;
    }

    // False only once the queue is completed (the writer stops): then nothing was journaled either, so a refused redirect's
    // click is not stored at the next start.
    private bool Enqueue(ClickEvent click)
    {
        lock (_order)
        {
            if (_stopping)
            {
                return false;
            }

            _journal?.Append(click);

            // An unbounded queue refuses only when completed, which happens under this lock after _stopping is set.
            return _queue.Writer.TryWrite(click);
        }
    }

    /// <summary>
    /// Completes when every click queued before this call has been committed (or its commit has failed). Called by the read
    /// paths of the store (<see cref="ClickQueries"/>, <see cref="Winners.LinkStatsService"/>), not by endpoints.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var request = new FlushRequest();
        Interlocked.Increment(ref _waitingFlushes);
        if (!_queue.Writer.TryWrite(request))
        {
            // Stopping: the writer commits what is queued on its way out, and nothing new is accepted.
            Interlocked.Decrement(ref _waitingFlushes);
            return Task.CompletedTask;
        }

        _wake.Set();
        return request.Done.Task.WaitAsync(cancellationToken);
    }

    /// <exception cref="DatabaseUnusableException">The clicks in the click journal cannot be stored.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Recover();

        // A thread of its own: the batches are synchronous SQLite work, and holding a pool thread for them starves the
        // redirect path on a small machine (the pool grows slowly), which showed as 100+ ms p99 stalls.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_order)
        {
            _stopping = true;
            _queue.Writer.TryComplete();
        }

        _wake.Set();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // In memory there is no journal: nothing outlives the process anyway.
    private static ClickJournal? OpenJournal(string? databasePath)
    {
        try
        {
            return databasePath is null ? null : ClickJournal.Open(databasePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnusableException(databasePath!, $"its click journal cannot be opened for writing ({ex.Message}); is another emulator using this database?");
        }
    }

    // Clicks a killed run had answered but not yet committed are in the journal: stored before anything is served.
    private void Recover()
    {
        if (_journal is null)
        {
            return;
        }

        var (clicks, damaged) = _journal.ReadAll();
        var stored = 0L;
        if (clicks.Count > 0)
        {
            try
            {
                stored = Commit(clicks);
            }
            catch (SqliteException ex)
            {
                throw new DatabaseUnusableException(_database.Path!, $"the {clicks.Count} clicks in its click journal {_journal.ActivePath} cannot be stored (SQLite: {ex.Message})");
            }
        }

        _journal.Clear();
        if (stored > 0 || damaged > 0)
        {
            _logger.LogWarning(
                "Recovered {Stored} clicks from the click journal that the last run answered but had not committed ({Already} were already stored, {Damaged} damaged lines skipped)",
                stored, clicks.Count - stored, damaged);
        }
    }

    private void Run()
    {
        var reader = _queue.Reader;
        var flushes = new List<TaskCompletionSource>();
        while (true)
        {
            if (_pending.Count == 0 && !reader.TryPeek(out _) && !reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return;
            }

            Gather();
            flushes.Clear();
            // While the database refuses batches, new clicks are refused too, so the queue is short: take all of it, so a
            // read's flush marker behind a full batch of pending clicks is reached instead of waiting for the recovery.
            while ((_failing || _pending.Count < MaxBatch) && reader.TryRead(out var item))
            {
                switch (item)
                {
                    case FlushRequest flush:
                        Interlocked.Decrement(ref _waitingFlushes);
                        flushes.Add(flush.Done);
                        break;
                    case ClickEvent click:
                        Interlocked.Decrement(ref _queued);
                        _pending.Add(click);
                        break;
                }
            }

            if (_pending.Count > 0)
            {
                Store();
            }

            flushes.ForEach(f => f.TrySetResult());
            if (_stopping && _pending.Count > 0 && reader.Completion.IsCompleted)
            {
                LogUnstoredAtStop();
                return;
            }
        }
    }

    // Lets a batch grow for a moment, unless a read is waiting for it, it is full, or the emulator is stopping; while the
    // database refuses batches, the wait is the retry interval.
    private void Gather()
    {
        if (!_stopping && Volatile.Read(ref _waitingFlushes) == 0 && Volatile.Read(ref _queued) < MaxBatch)
        {
            _wake.Wait(_failing ? RetryInterval : GatherWindow);
        }

        _wake.Reset();
    }

    private void Store()
    {
        try
        {
            Commit(_pending);
        }
        catch (SqliteException ex)
        {
            LastFailure = ex.Message;
            _failing = true;
            Interlocked.Exchange(ref _pendingCount, _pending.Count);
            if (ShouldLogFailure())
            {
                _logger.LogError(
                    "Could not store {Count} clicks; they are kept ({Where}) and retried every second, and new clicks are refused (503) until then: {Reason}",
                    _pending.Count, _journal is null ? "in memory" : "in memory and in the click journal", ex.Message);
            }
            return;
        }

        _journal?.Committed(_pending[^1].JournalSequence);
        _pending.Clear();
        Interlocked.Exchange(ref _pendingCount, 0);
        _failing = false;
    }

    private long Commit(List<ClickEvent> clicks)
    {
        var added = _store.Insert(clicks);
        if (added.Count > 0)
        {
            Committed?.Invoke(added.Keys.Select(k => k.LinkId).Distinct().ToList());
        }

        return added.Values.Sum();
    }

    private void Refuse(string reason)
    {
        var total = Interlocked.Increment(ref _unrecorded);
        if (ShouldLogFailure())
        {
            _logger.LogError(
                "Could not record {Count} clicks ({Total} refused with 503 since start; see /healthz): {Reason}",
                total - Interlocked.Exchange(ref _unrecordedAtLastLog, total), total, reason);
        }
    }

    // The first failure is logged at once, later ones at most every 10 seconds (with the count since): a full disk under
    // load fails thousands of clicks, and a line for each would bury the one that says why.
    private bool ShouldLogFailure()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastFailureLogged);
        return (last == long.MinValue || now - last >= FailureLogInterval.TotalMilliseconds)
            && Interlocked.CompareExchange(ref _lastFailureLogged, now, last) == last;
    }

    private void LogUnstoredAtStop()
    {
        if (_journal is null)
        {
            _logger.LogError("Stopping with {Count} clicks that could not be stored (in memory, so they are lost): {Reason}", _pending.Count, LastFailure);
        }
        else
        {
            _logger.LogError("Stopping with {Count} clicks that could not be stored; they stay in the click journal and are stored at the next start: {Reason}", _pending.Count, LastFailure);
        }
    }

    public void Dispose()
    {
        _wake.Dispose();
        _journal?.Dispose();
    }
}
