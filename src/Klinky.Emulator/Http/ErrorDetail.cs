namespace Klinky.Emulator.Http;

/// <summary>Klinky's error body: <c>{"detail": "..."}</c>.</summary>
internal sealed record ErrorDetail(string Detail);
