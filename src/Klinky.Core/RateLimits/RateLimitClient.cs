using Klinky.Http;

namespace Klinky.RateLimits;

/// <summary><c>GET /public/keys/rate-limit</c>: the budget left, asked of the server.</summary>
public class RateLimitClient
{
    private readonly KlinkyPipeline _pipeline;

    internal RateLimitClient(KlinkyPipeline pipeline) => _pipeline = pipeline;

    protected RateLimitClient() => _pipeline = null!;

    public virtual async Task<RateLimitState> GetAsync(CancellationToken cancellationToken = default)
    {
        var body = await _pipeline.SendAsync<RateLimitBody>(new KlinkyRequest(HttpMethod.Get, "public", "keys", "rate-limit") { ExemptFromBudget = true }, cancellationToken).ConfigureAwait(false);
        return new RateLimitState(body.Limit, body.Remaining, DateTimeOffset.FromUnixTimeSeconds(body.Reset));
    }

    private sealed record RateLimitBody(int Limit, int Remaining, long Reset);
}
