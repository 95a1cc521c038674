namespace Klinky;

/// <summary>An optional <c>start_date</c> / <c>end_date</c> window (UTC), used by clicks and stats.</summary>
public sealed record DateRange(DateTimeOffset? Start = null, DateTimeOffset? End = null)
{
    public static DateRange All { get; } = new();

    internal bool Contains(DateTimeOffset instant) =>
        (Start is null || instant >= Start) && (End is null || instant <= End);
}
