using System.Globalization;
using System.Management.Automation;
using Klinky.Http;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Errors;
using Klinky.PowerShell.Hosting;
using Klinky.RateLimits;

namespace Klinky.PowerShell;

/// <summary>
/// Shared plumbing of every Klinky cmdlet: the session's client, Core calls run synchronously with Ctrl+C wired to
/// cancellation, request logging to -Verbose/-Debug, rate-limit waits to Write-Progress, exceptions to ErrorRecords.
/// </summary>
public abstract class KlinkyCmdlet : PSCmdlet, IDisposable
{
    private const int WaitActivityId = 4711;
    private readonly CancellationTokenSource _stopping = new();
    private DateTimeOffset? _waitUntil;
    private string? _waitReason;
    private long? _sentAtStart;
    private bool _lookedAtBudget;

    /// <summary>The session's client: from Connect-Klinky, else the KLINKY_API_KEY / KLINKY_BASE_URL environment variables.</summary>
    protected KlinkyClient Client
    {
        get
        {
            var connection = KlinkySessionState.Current;
            if (connection is null)
            {
                ThrowTerminatingError(KlinkyErrorRecords.NotConnected());
            }

            return connection!.Client;
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs one Core call; Klinky failures come back as an exception for the caller to turn into an error.</summary>
    protected T Run<T>(Func<KlinkyClient, CancellationToken, Task<T>> call) => Run(Client, call);

    /// <summary>Runs one Core call on a given client (Connect-Klinky's, before it becomes the session's).</summary>
    protected T Run<T>(KlinkyClient client, Func<KlinkyClient, CancellationToken, Task<T>> call)
    {
        var pump = new CommandMessagePump();
        var task = Task.Run(() =>
        {
            RequestObserver.Attach(pump);
            return call(client, _stopping.Token);
        });
        pump.RunUntilComplete(task, this);
        EndWait();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs one Core call for one pipeline item: a failure is written as a non-terminating error and false returned.</summary>
    protected internal bool TryRun<T>(Func<KlinkyClient, CancellationToken, Task<T>> call, object? target, out T result)
    {
        try
        {
            result = Run(call);
            return true;
        }
        catch (KlinkyException ex)
        {
            WriteError(ErrorOf(ex, target));
            result = default!;
            return false;
        }
    }

    /// <summary>Rejects invalid input before any request, naming the parameter; returns false after writing the error.</summary>
    protected bool Validate(IReadOnlyList<KlinkyFieldError> errors, object? target)
    {
        if (errors.Count == 0)
        {
            return true;
        }

        WriteError(ErrorOf(new KlinkyValidationException(errors), target));
        return false;
    }

    // Core redacts the key in what it sends and receives; input checked here, before Core, may still quote a key pasted
    // into the wrong parameter (-Variant "control:100=<key>"): the message and the TargetObject never show it.
    protected ErrorRecord ErrorOf(KlinkyException exception, object? target)
    {
        var connection = KlinkySessionState.Current;
        if (connection is not null && exception is KlinkyValidationException { StatusCode: null } local)
        {
            exception = new KlinkyValidationException(local.Errors.Select(e => new KlinkyFieldError(e.Field, connection.Redact(e.Message))).ToList());
        }

        if (connection is not null && target is string text)
        {
            target = connection.Redact(text);
        }

        return KlinkyErrorRecords.From(exception, target, ParameterOfField);
    }

    /// <summary>Which parameter of this cmdlet carries an API field, for messages such as "parameter 'Variant'".</summary>
    protected virtual string? ParameterOfField(string field) => FieldParameters.Of(field);

    /// <summary>Writes links and remembers them for tab completion of -Id and -Slug.</summary>
    protected internal void WriteLink(Link link)
    {
        SeenLinks.Remember(link);
        WriteObject(link);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    protected override void BeginProcessing() => _sentAtStart = KlinkySessionState.Current?.Client.RequestsSent;

    /// <summary>-Verbose says what this command spent of the key's shared budget and what is left.</summary>
    protected override void EndProcessing()
    {
        if (_sentAtStart is { } start && KlinkySessionState.Current?.Client is { } client && (client.RequestsSent > start || _lookedAtBudget))
        {
            WriteVerbose("Klinky: " + RequestBudget.Describe(Math.Max(0, client.RequestsSent - start), client.RateLimit));
        }
    }

    /// <summary>
    /// Before a command that may spend several requests: reads the budget for free (once per command), so -Verbose shows
    /// it and a spent budget is refused by the client without sending.
    /// </summary>
    protected internal void LookBeforeSpending()
    {
        if (_lookedAtBudget)
        {
            return;
        }

        _lookedAtBudget = true;
        var state = Run((client, ct) => RequestBudget.ReadAsync(client, ct));
        WriteVerbose(state is null
            ? "Klinky: the budget left is unknown before spending"
            : $"Klinky: {state.Remaining} of {state.Limit} requests left until {ResetTime.Clock(state.ResetsAt)}, before spending");
    }

    internal void ReportRequest(KlinkyRequestLog log)
    {
        var status = log.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer" + (log.Error is null ? "" : " (" + log.Error + ")");
        var attempt = log.Attempt > 1 ? $", attempt {log.Attempt}" : "";
        WriteVerbose($"{log.Method} {log.Url} -> {status} in {log.Elapsed.TotalMilliseconds:0} ms{attempt}");
        if (log.RateLimit is { } budget)
        {
            WriteDebug($"X-RateLimit-Limit: {budget.Limit}, X-RateLimit-Remaining: {budget.Remaining}, X-RateLimit-Reset: {budget.Reset} ({budget.ResetsAt.UtcDateTime:HH:mm:ss}Z)");
        }
    }

    internal void ReportWait(KlinkyWaitNotice notice)
    {
        _waitUntil = DateTimeOffset.UtcNow + notice.Delay;
        _waitReason = notice.Reason == KlinkyWaitReason.RateLimited ? "Waiting out the Klinky rate limit" : "Retrying after a failed request";
        WriteVerbose($"{_waitReason}: {notice.Delay.TotalSeconds:0.#} s before attempt {notice.NextAttempt}");
        ReportTick();
    }

    internal void ReportTick()
    {
        if (_waitUntil is not { } until)
        {
            return;
        }

        var left = until - DateTimeOffset.UtcNow;
        if (left <= TimeSpan.Zero)
        {
            EndWait();
            return;
        }

        WriteProgress(new ProgressRecord(WaitActivityId, _waitReason, $"{Math.Ceiling(left.TotalSeconds):0} s left") { SecondsRemaining = (int)Math.Ceiling(left.TotalSeconds) });
    }

    private void EndWait()
    {
        if (_waitUntil is null)
        {
            return;
        }

        _waitUntil = null;
        WriteProgress(new ProgressRecord(WaitActivityId, _waitReason, "done") { RecordType = ProgressRecordType.Completed });
    }
}
