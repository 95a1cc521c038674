namespace Klinky.Webhooks;

/// <summary>The outcome of <see cref="WebhookSignature.Verify"/>; only <see cref="Valid"/> may be trusted.</summary>
public enum WebhookVerification
{
    Valid,
    Missing,
    Malformed,
    Expired,
    Mismatch,
}
