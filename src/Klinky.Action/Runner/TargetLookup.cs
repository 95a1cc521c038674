namespace Klinky.Action.Runner;

/// <summary>
/// The outcome of GitHub's reads, which run alongside Klinky's requests: the target, or the GitHub failure with the
/// place it happened. A failed read is a value here, not a faulted task, so nothing has to observe it and no state is
/// written by one task for another to read.
/// </summary>
internal sealed record TargetLookup(ReportTarget? Target, Exception? Failure, string Where);
