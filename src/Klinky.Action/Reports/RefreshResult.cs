using Klinky.Action.Links;
using Klinky.RateLimits;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Reports;

/// <summary>
/// What a budgeted report run shows: per link fresh or saved figures (in the order the inputs give), the figures to save
/// in the comment for the next run, the notes that say how old the figures are, and whether nothing could be refreshed.
/// </summary>
internal sealed record RefreshResult
{
    public required IReadOnlyList<LinkStats> Stats { get; init; }

    /// <summary>What the comment keeps for the next run: fresh figures read now, the others as they were saved.</summary>
    public required IReadOnlyList<SavedLink> Saved { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>When the stalest figure shown was read: the report's footer says it.</summary>
    public DateTimeOffset? FiguresAsOf => Saved.Count == 0 ? null : Saved.Min(s => s.ReadAt);

    /// <summary>Null when the links came from the saved data without a lookup.</summary>
    public LinkResolution? Resolution { get; init; }

    /// <summary>Null when no stats were read.</summary>
    public StatsFetchResult? Fetched { get; init; }

    /// <summary>Links whose figures were read in this run.</summary>
    public int Refreshed { get; init; }

    /// <summary>Links shown from the comment's saved figures.</summary>
    public int FromSaved { get; init; }

    /// <summary>True when the figures are younger than <c>refresh-after</c>: nothing was spent, on purpose.</summary>
    public bool WithinInterval { get; init; }

    /// <summary>The budget that kept the run from refreshing (null when it did not).</summary>
    public RateLimitState? Spent { get; init; }

    /// <summary>Links to show, none of them refreshed, and not on purpose: a notice (an error with <c>fail-on-stale</c>).</summary>
    public bool Stale => !WithinInterval && Refreshed == 0 && (Stats.Count > 0 || Spent is not null);

    /// <summary>Nothing to show at all: the budget is spent and the comment has no saved figures.</summary>
    public bool NothingToShow => Stats.Count == 0 && Spent is not null;
}
