namespace Klinky;

/// <summary>Per-call settings that are not fields of the resource (as Stripe's RequestOptions).</summary>
public sealed class KlinkyRequestOptions
{
    /// <summary>
    /// The <c>Idempotency-Key</c> of a create. The client makes one per call when this is null; pass a stable one
    /// (for example derived from a build's inputs) so that a re-run on another machine replays instead of creating twice.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
