using System.Globalization;
using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Simulation;

/// <summary>Parses <c>simulate --base-url URL --api-key KEY --slug SLUG --visitors N --conversion control=0.05,variant_b=0.07 [--seed S]</c>.</summary>
internal static class SimulateArguments
{
    public const int DefaultSeed = 42;

    public static SimulateSettings Parse(IReadOnlyList<string> args)
    {
        string? baseUrl = null, key = null, slug = null;
        var visitors = 0;
        var seed = DefaultSeed;
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        var reader = new ArgumentReader(args);
        while (reader.TryNext(out var name))
        {
            switch (name)
            {
                case "--base-url": baseUrl = reader.Value(name); break;
                case "--api-key": key = reader.Value(name); break;
                case "--slug": slug = reader.Value(name); break;
                case "--visitors": visitors = reader.IntValue(name, 1, 10_000_000); break;
                case "--seed": seed = reader.IntValue(name, int.MinValue, int.MaxValue); break;
                case "--conversion": ParseRates(reader.Value(name), rates); break;
                default: throw new UsageException($"simulate: unknown option '{name}'");
            }
        }

        if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException("simulate: --base-url must be the emulator's http(s) URL (with or without /api/v1)");
        }

        var root = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (root.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            root = root[..^"/api/v1".Length];
        }

        return new SimulateSettings(
            new Uri(root + "/"),
            key ?? throw new UsageException("simulate: --api-key is required (conversions are tracked through the API)"),
            slug ?? throw new UsageException("simulate: --slug is required"),
            visitors > 0 ? visitors : throw new UsageException("simulate: --visitors is required"),
            rates,
            seed);
    }

    private static void ParseRates(string spec, Dictionary<string, double> rates)
    {
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
    }
}
