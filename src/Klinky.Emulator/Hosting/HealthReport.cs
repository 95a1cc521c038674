namespace Klinky.Emulator.Hosting;

/// <summary>The body of <c>/healthz</c>: <c>{"status":"ok","unrecorded_clicks":0,"last_storage_error":null}</c>.</summary>
internal sealed record HealthReport(string Status, long UnrecordedClicks, string? LastStorageError);
