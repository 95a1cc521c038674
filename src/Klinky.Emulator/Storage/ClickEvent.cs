namespace Klinky.Emulator.Storage;

/// <summary>
/// A counted redirect on its way to the database, or (with <see cref="Flushed"/>) a marker that completes once every click
/// queued before it is committed. <see cref="Stored"/> completes when the click's batch has committed (true) or failed (false).
/// </summary>
internal sealed class ClickEvent
{
    private readonly TaskCompletionSource<bool> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<bool> Stored => _stored.Task;

    public void Complete(bool stored) => _stored.TrySetResult(stored);

    public string Id { get; init; } = "";
    public string LinkId { get; init; } = "";
    public string VariantLabel { get; init; } = "";
    public long CreatedAtMs { get; init; }
    public string? Country { get; init; }
    public string? Referrer { get; init; }
    public string? Device { get; init; }
    public TaskCompletionSource? Flushed { get; init; }
}
