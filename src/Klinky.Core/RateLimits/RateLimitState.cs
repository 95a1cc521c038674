namespace Klinky.RateLimits;

/// <summary>
/// The request budget as the server last reported it (<c>X-RateLimit-*</c> headers). A class, not a record: callers
/// read it (and print it); nothing needs to copy, compare or deconstruct one. The parameters keep the record's names.
/// </summary>
public sealed class RateLimitState
{
    public RateLimitState(int Limit, int Remaining, DateTimeOffset ResetsAt)
    {
        this.Limit = Limit;
        this.Remaining = Remaining;
        this.ResetsAt = ResetsAt;
    }

    public int Limit { get; }

    public int Remaining { get; }

    public DateTimeOffset ResetsAt { get; }

    /// <summary>The body of <c>GET /public/keys/rate-limit</c> and the emulator's view: reset as unix seconds.</summary>
    public long Reset => ResetsAt.ToUnixTimeSeconds();

    public override string ToString() => $"{Remaining}/{Limit} requests left, resets at {ResetTime.At(ResetsAt)}";
}
