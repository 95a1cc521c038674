namespace Klinky.Emulator.Webhooks;

/// <summary>The delivered body: <c>{"id": "evt_...", "type": "...", "created_at": "...", "data": {...}}</c>.</summary>
internal sealed record WebhookEnvelope(string Id, string Type, DateTimeOffset CreatedAt, object Data);
