namespace Klinky.Emulator.Storage;

/// <summary>
/// A counted redirect on its way to the database, or (with <see cref="Flushed"/>) a marker that completes once every click
/// queued before it has had its commit attempted.
/// </summary>
internal sealed class ClickEvent
{
    public string Id { get; init; } = "";
    public string LinkId { get; init; } = "";
    public string VariantLabel { get; init; } = "";
    public long CreatedAtMs { get; init; }
    public string? Country { get; init; }
    public string? Referrer { get; init; }
    public string? Device { get; init; }
    public TaskCompletionSource? Flushed { get; init; }

    /// <summary>Its place in the <see cref="ClickJournal"/> (0 without one).</summary>
    public long JournalSequence { get; set; }
}
