using Klinky.Stats;

namespace Klinky.Testing;

/// <summary>
/// Stats computed by Klinky.Core's own calculator from counts, so the gate is tested on the verdict Core gives, not on a
/// hand-set field: a preview that converts far worse, one that converts the same, one that converts far better, and
/// one with too few clicks to judge.
/// </summary>
public static class GateCases
{
    public static LinkStats Worse() => Stats(("control", 4000, 1200), ("preview", 4000, 700));

    public static LinkStats Neutral() => Stats(("control", 4000, 1000), ("preview", 4000, 1004));

    public static LinkStats Winning() => Stats(("control", 4000, 700), ("preview", 4000, 1200));

    public static LinkStats Collecting() => Stats(("control", 10, 2), ("preview", 10, 3));

    public static LinkStats ByName(string name) => name switch
    {
        "worse" => Worse(),
        "neutral" => Neutral(),
        "winning" => Winning(),
        _ => Collecting(),
    };

    private static LinkStats Stats(params (string Label, long Clicks, long Conversions)[] variants) =>
        StatsCalculator.Compute("lnk_checkout", variants.Select(v => new VariantCounts(v.Label, 50, v.Clicks, v.Conversions)).ToList(), 100, null, DateRange.All)
            with { Link = KlinkyModelFactory.Link(slug: "checkout-pr-7") };
}
