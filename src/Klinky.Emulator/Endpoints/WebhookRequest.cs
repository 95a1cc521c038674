namespace Klinky.Emulator.Endpoints;

/// <summary>The body of <c>POST /public/webhooks</c> (our proposal).</summary>
internal sealed record WebhookRequest(string? Url, string? Secret, IReadOnlyList<string>? Events);
