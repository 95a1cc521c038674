namespace Klinky.Emulator.Security;

/// <summary>One API request as the dashboard lists it; <see cref="Remaining"/> is the key's budget after it (null without a valid key).</summary>
internal sealed record ApiRequestEntry(DateTimeOffset At, string? WorkspaceId, string Method, string Route, int Status, int? Remaining);
