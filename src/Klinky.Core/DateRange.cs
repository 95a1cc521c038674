namespace Klinky;

/// <summary>
/// An optional <c>start_date</c> / <c>end_date</c> window (UTC), used by clicks and stats. A class, not a record: callers
/// pass a window in, nothing compares or copies one, so value equality, <c>with</c> and deconstruction were only public
/// API without a use. The parameters keep their names (<c>new DateRange(Start: since)</c>).
/// </summary>
public sealed class DateRange
{
    // Start and End, as the record named them: named arguments in callers' code keep compiling.
    public DateRange(DateTimeOffset? Start = null, DateTimeOffset? End = null)
    {
        this.Start = Start;
        this.End = End;
    }

    public static DateRange All { get; } = new();

    public DateTimeOffset? Start { get; }

    public DateTimeOffset? End { get; }

    internal bool Contains(DateTimeOffset instant) =>
        (Start is null || instant >= Start) && (End is null || instant <= End);
}
