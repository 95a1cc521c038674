namespace Klinky.Emulator.Endpoints;

/// <summary>A registered webhook as answered: everything but the secret.</summary>
internal sealed record WebhookView(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);
