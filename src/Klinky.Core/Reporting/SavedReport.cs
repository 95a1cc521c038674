namespace Klinky.Reporting;

/// <summary>
/// The data a report comment carries (hidden, compact, versioned, signed) so a later run can re-render it without
/// spending Klinky requests: per link the counts and when they were read. Written and read by <see cref="ReportData"/>.
/// </summary>
internal sealed class SavedReport
{
    public SavedReport(IReadOnlyList<SavedLink> links)
    {
        Guard.NotNull(links, nameof(links));
        Links = links;
    }

    public IReadOnlyList<SavedLink> Links { get; }

    /// <summary>When the stalest link was read; null without links.</summary>
    public DateTimeOffset? OldestReadAt => Links.Count == 0 ? null : Links.Min(l => l.ReadAt);

    /// <summary>The saved figures of a link, by id; null when the comment has none for it.</summary>
    public SavedLink? Find(string linkId) =>
        Links.FirstOrDefault(l => string.Equals(l.Id, linkId, StringComparison.OrdinalIgnoreCase));
}
