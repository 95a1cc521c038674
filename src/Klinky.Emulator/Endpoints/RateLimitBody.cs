namespace Klinky.Emulator.Endpoints;

/// <summary>The body of <c>GET /public/keys/rate-limit</c>: reset as unix seconds.</summary>
internal sealed record RateLimitBody(int Limit, int Remaining, long Reset);
