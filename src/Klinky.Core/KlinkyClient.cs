using Klinky.Clicks;
using Klinky.Conversions;
using Klinky.Http;
using Klinky.Links;
using Klinky.RateLimits;
using Klinky.Stats;
using Klinky.Winners;

namespace Klinky;

/// <summary>
/// The entry point to the Klinky API. One instance per base URL and key; it owns its HTTP connection pool,
/// so keep it for the life of the job and dispose it at the end. Thread-safe.
/// </summary>
public class KlinkyClient : IDisposable
{
    private readonly KlinkyPipeline? _pipeline;

    public KlinkyClient(KlinkyClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _pipeline = new KlinkyPipeline(options);
        Links = new LinksClient(_pipeline);
        Clicks = new ClicksClient(_pipeline);
        Stats = new StatsClient(_pipeline, Links, Clicks);
        Winner = new WinnerClient(_pipeline);
        Conversions = new ConversionsClient(_pipeline);
        RateLimits = new RateLimitClient(_pipeline);
    }

    /// <summary>For mocking in callers' tests.</summary>
    protected KlinkyClient()
    {
        Links = null!;
        Clicks = null!;
        Stats = null!;
        Winner = null!;
        Conversions = null!;
        RateLimits = null!;
    }

    public virtual LinksClient Links { get; }

    public virtual ClicksClient Clicks { get; }

    public virtual StatsClient Stats { get; }

    public virtual WinnerClient Winner { get; }

    public virtual ConversionsClient Conversions { get; }

    public virtual RateLimitClient RateLimits { get; }

    /// <summary>The normalised base URL this client talks to.</summary>
    public virtual string BaseUrl => _pipeline?.BaseUrl ?? "";

    /// <summary>
    /// Requests this client has put on the wire that spend the key's hourly budget, retries included; the free
    /// <c>GET /public/keys/rate-limit</c> is not counted.
    /// </summary>
    public virtual long RequestsSent => _pipeline?.RequestsSent ?? 0;

    /// <summary>The budget as the last answer's headers reported it; null before the first answer.</summary>
    public virtual RateLimitState? RateLimit => _pipeline?.RateLimit;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline?.Dispose();
        }
    }
}
