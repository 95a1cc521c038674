namespace Klinky.Emulator.Webhooks;

/// <summary>A registered endpoint. The secret signs deliveries and is never sent back in answers.</summary>
internal sealed record WebhookSubscription(string Id, string Workspace, string Url, string Secret, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);
