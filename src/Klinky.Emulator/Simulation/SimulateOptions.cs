using System.CommandLine;
using System.Globalization;
using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Simulation;

/// <summary><c>simulate --base-url URL --api-key KEY --slug SLUG --visitors N --conversion control=0.05,variant_b=0.07 [--seed S] [--ignore-budget]</c>.</summary>
internal sealed class SimulateOptions
{
    public const int DefaultSeed = 42;

    public Option<string> BaseUrl { get; } = new("--base-url") { Description = "The API's base URL, as every other surface takes it (http://127.0.0.1:5080/api/v1); the emulator's root works too", HelpName = "URL" };

    public Option<string> ApiKey { get; } = new("--api-key") { Description = $"The link's workspace key. Prefer {ApiKeyInput.Variable}: arguments show in the process list", HelpName = "KEY" };

    public Option<string> Slug { get; } = new("--slug") { Description = "The link to visit", HelpName = "SLUG" };

    public Option<string> Visitors { get; } = new("--visitors") { Description = "How many visitors to play (1-10000000)", HelpName = "N" };

    public Option<string> Conversion { get; } = new("--conversion") { Description = "Conversion rate per variant, e.g. control=0.05,variant_b=0.07", HelpName = "RATES" };

    public Option<string> Seed { get; } = new("--seed") { Description = $"Makes the traffic repeatable (default {DefaultSeed})", HelpName = "S" };

    public Option<bool> IgnoreBudget { get; } = new("--ignore-budget") { Description = "Run even when the key's hourly request budget cannot cover every conversion (by default such a run is refused before any request)" };

    public Command CreateCommand()
    {
        var command = new Command("simulate", "Play visitors against a running emulator: real redirects and conversions at the given rates");
        foreach (var option in new Option[] { BaseUrl, ApiKey, Slug, Visitors, Conversion, Seed, IgnoreBudget })
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <exception cref="UsageException">A value is missing or breaks its rule.</exception>
    public SimulateSettings Read(ParseResult result)
    {
        var baseUrl = result.GetValue(BaseUrl);
        if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException("simulate: --base-url must be the API's http(s) base URL, e.g. http://127.0.0.1:5080/api/v1 (the emulator's root works too)");
        }

        var root = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (root.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            root = root[..^"/api/v1".Length];
        }

        var keys = ApiKeyInput.Resolve(result.GetValue(ApiKey) is { } key ? new[] { key } : null);
        var visitors = result.GetValue(Visitors) ?? throw new UsageException("simulate: --visitors is required");
        return new SimulateSettings(
            new Uri(root + "/"),
            keys.Count > 0 ? keys[0] : throw new UsageException($"simulate: set {ApiKeyInput.Variable} (or pass --api-key): conversions are tracked through the API"),
            result.GetValue(Slug) ?? throw new UsageException("simulate: --slug is required"),
            NumberInput.Parse("--visitors", visitors, 1, 10_000_000),
            ParseRates(result.GetValue(Conversion) ?? ""),
            result.GetValue(Seed) is { } seed ? NumberInput.Parse("--seed", seed, int.MinValue, int.MaxValue) : DefaultSeed,
            result.GetValue(IgnoreBudget));
    }

    private static Dictionary<string, double> ParseRates(string spec)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1)
            {
                throw new UsageException($"simulate: --conversion takes label=rate pairs with rates 0-1, e.g. control=0.05,variant_b=0.07 (got '{part}')");
            }

            rates[pair[0]] = rate;
        }

        return rates;
    }
}
