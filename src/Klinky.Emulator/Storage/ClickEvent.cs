namespace Klinky.Emulator.Storage;

/// <summary>A counted redirect on its way to the database.</summary>
internal sealed class ClickEvent : ClickQueueItem
{
    public string Id { get; init; } = "";
    public string LinkId { get; init; } = "";
    public string VariantLabel { get; init; } = "";
    public long CreatedAtMs { get; init; }
    public string? Country { get; init; }
    public string? Referrer { get; init; }
    public string? Device { get; init; }

    /// <summary>Its place in the <see cref="ClickJournal"/> (0 without one).</summary>
    public long JournalSequence { get; set; }
}
