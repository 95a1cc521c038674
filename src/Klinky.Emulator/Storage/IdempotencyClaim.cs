namespace Klinky.Emulator.Storage;

/// <summary>An <c>Idempotency-Key</c> and a digest of the body it came with.</summary>
internal sealed record IdempotencyClaim(string Key, string RequestHash);
