namespace Klinky.RateLimits;

/// <summary>The request budget as the server last reported it (<c>X-RateLimit-*</c> headers).</summary>
public sealed record RateLimitState(int Limit, int Remaining, DateTimeOffset ResetsAt)
{
    /// <summary>The body of <c>GET /public/keys/rate-limit</c> and the emulator's view: reset as unix seconds.</summary>
    public long Reset => ResetsAt.ToUnixTimeSeconds();

    public override string ToString() => $"{Remaining}/{Limit} requests left, resets at {ResetTime.At(ResetsAt)}";
}
