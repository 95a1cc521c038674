using System.Globalization;
using System.Text.Json;
using Klinky.RateLimits;

namespace Klinky.Emulator.Simulation;

/// <summary>
/// What a simulation costs from the key's hourly budget, and what is left. Redirects are free; finding the link (one
/// listing page) and each conversion are API requests. The budget is read with <c>GET /public/keys/rate-limit</c>, which
/// does not count.
/// </summary>
internal sealed record SimulationBudget(int Limit, int Remaining, DateTimeOffset ResetsAt)
{
    public const string RateLimitPath = "api/v1/public/keys/rate-limit";

    /// <summary>The most requests a run can spend: the lookup, and a conversion for every visitor whose roll is under the highest rate.</summary>
    public static int MostRequests(SimulateSettings settings)
    {
        var highest = settings.ConversionRates.Count == 0 ? 0 : settings.ConversionRates.Values.Max();
        var conversions = 0;
        for (var index = 0; index < settings.Visitors && highest > 0; index++)
        {
            if (VisitorDice.For(settings.Seed, index).Roll < highest)
            {
                conversions++;
            }
        }

        return 1 + conversions;
    }

    /// <summary>The key's budget now; null when the server does not say (a Klinky without the route).</summary>
    public static async Task<SimulationBudget?> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(RateLimitPath, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var root = document.RootElement;
        return new SimulationBudget(root.GetProperty("limit").GetInt32(), root.GetProperty("remaining").GetInt32(), DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("reset").GetInt64()));
    }

    public string Refusal(int needed, DateTimeOffset now) => string.Create(
        CultureInfo.InvariantCulture,
        $"simulate: this run needs up to {needed} API requests (1 to find the link, up to {needed - 1} conversions; redirects are free), but the key has {Remaining} of {Limit} left this hour (resets at {ResetTime.Describe(ResetsAt, now)}). Play fewer --visitors, lower the --conversion rates, wait for the reset, or pass --ignore-budget to spend it anyway.");
}
