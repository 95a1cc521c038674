namespace Klinky.Emulator.Hosting;

/// <summary>
/// The body of <c>/healthz</c>: <c>{"status":"ok","unrecorded_clicks":0,"pending_clicks":0,"last_storage_error":null}</c>.
/// <c>unrecorded_clicks</c>: refused with 503 since the start; <c>pending_clicks</c>: answered and journaled, waiting for a
/// database that refuses writes.
/// </summary>
internal sealed record HealthReport(string Status, long UnrecordedClicks, long PendingClicks, string? LastStorageError);
