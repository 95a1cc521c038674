namespace Klinky.Emulator.Security;

/// <summary>The budget of one key after a request: what the <c>X-RateLimit-*</c> headers say.</summary>
internal readonly record struct RateWindow(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetsAt);
