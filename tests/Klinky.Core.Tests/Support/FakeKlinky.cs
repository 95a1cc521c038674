using Flurl.Http.Testing;
using Klinky.Links;

namespace Klinky.Tests.Support;

/// <summary>Builds clients wired to Flurl's <see cref="HttpTest"/> and canned Klinky bodies.</summary>
internal static class FakeKlinky
{
    public const string BaseUrl = "https://klinky.test/api/v1";
    public const string ApiKey = "klinky_live_0123456789abcdef0123456789abcdef";

    public static KlinkyClient Client(InstantTimeProvider? time = null, Action<KlinkyClientOptions>? configure = null)
    {
        var options = new KlinkyClientOptions
        {
            BaseUrl = BaseUrl,
            ApiKey = ApiKey,
            TimeProvider = time ?? new InstantTimeProvider(),
        };
        configure?.Invoke(options);
        return new KlinkyClient(options);
    }

    public static object RateHeaders(int remaining, long reset = 1_795_000_000, int limit = 100) =>
        new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>A 429's headers: a spent budget that resets at <paramref name="resetsAt"/>, and the given Retry-After.</summary>
    public static Dictionary<string, string> SpentBudget(string retryAfter, DateTimeOffset resetsAt) => new()
    {
        ["Retry-After"] = retryAfter,
        ["X-RateLimit-Limit"] = "100",
        ["X-RateLimit-Remaining"] = "0",
        ["X-RateLimit-Reset"] = resetsAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public const string LinkJson = """
        {
          "id": "550e8400-e29b-41d4-a716-446655440000",
          "name": "Homepage Headline Test",
          "slug": "homepage-test",
          "short_url": "https://klinky.io/homepage-test",
          "routing_type": "ab_test",
          "is_active": true,
          "variants": [
            {"label": "control", "destination_url": "https://example.com/home", "weight": 50},
            {"label": "variant_b", "destination_url": "https://example.com/home-v2", "weight": 50}
          ],
          "geo_rules": null,
          "auto_winner": false,
          "auto_winner_threshold": 100,
          "enable_conversion_tracking": true,
          "conversion_redirect_url": null,
          "some_future_field": {"nested": [1, 2, 3]},
          "created_at": "2026-01-15T14:30:00Z"
        }
        """;

    public static CreateLinkRequest ValidCreate(string? slug = "homepage-test") =>
        new("Homepage Headline Test", new[]
        {
            new Variant("control", "https://example.com/home", 50),
            new Variant("variant_b", "https://example.com/home-v2", 50),
        })
        { Slug = slug };
}
