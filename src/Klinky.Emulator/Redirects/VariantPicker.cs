using Klinky.Emulator.Storage;
using Klinky.Links;

namespace Klinky.Emulator.Redirects;

/// <summary>
/// Chooses a visitor's variant: the winner once declared; for geo links the visitor's country rule, else <c>default</c>;
/// otherwise a weighted pick from a hash of visitor and slug, so a visitor keeps its variant across requests and restarts.
/// </summary>
internal static class VariantPicker
{
    public static Variant Pick(LinkRecord link, string visitorId, string? country)
    {
        var variants = link.Variants;
        if (link.WinnerLabel is { } winner && Find(variants, winner) is { } won)
        {
            return won;
        }

        if (link.RoutingType == RoutingTypes.Geo && link.GeoRules is { } rules)
        {
            if (country is not null && rules.TryGetValue(country, out var label) && Find(variants, label) is { } local)
            {
                return local;
            }

            if (rules.TryGetValue(LinkRules.DefaultGeoRule, out var fallbackLabel) && Find(variants, fallbackLabel) is { } fallback)
            {
                return fallback;
            }
        }

        var bucket = (int)(Hash(visitorId, link.Slug) % LinkRules.WeightTotal);
        var cumulative = 0;
        foreach (var variant in variants)
        {
            cumulative += variant.Weight;
            if (bucket < cumulative)
            {
                return variant;
            }
        }

        return variants[^1];
    }

    private static Variant? Find(IReadOnlyList<Variant> variants, string label)
    {
        foreach (var variant in variants)
        {
            if (variant.Label == label)
            {
                return variant;
            }
        }

        return null;
    }

    // FNV-1a over both strings, then a SplitMix64 finaliser so the low bits are evenly spread.
    private static ulong Hash(string visitorId, string slug)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in visitorId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ '|') * 1099511628211UL;
        foreach (var c in slug)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return hash;
    }
}
