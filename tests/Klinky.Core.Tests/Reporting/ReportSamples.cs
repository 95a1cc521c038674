using Klinky.Links;
using Klinky.Stats;

namespace Klinky.Tests.Reporting;

/// <summary>
/// Stats objects computed by Klinky.Stats from counts, as the emulator and the client's fallback produce them, so each
/// sample's verdict, intervals and visitors needed are the calculator's own and the report can be read as the truth.
/// </summary>
internal static class ReportSamples
{
    public const string Commit = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    public const string RunUrl = "https://github.com/Codertocat/Hello-World/actions/runs/9876543210";

    public static LinkStats TypicalRunning() => Computed(
        Link("Checkout button test", "checkout-pr42"),
        new VariantCounts("control", 50, 610, 38),
        new VariantCounts("variant_b", 50, 624, 49));

    public static LinkStats SignificantWinner() => Computed(
        Link("Homepage headline", "homepage-pr42"),
        new VariantCounts("control", 50, 2000, 100),
        new VariantCounts("bold-headline", 50, 2000, 150));

    /// <summary>Two variants beat the control; the one with the larger guaranteed uplift is recommended.</summary>
    public static LinkStats SeveralWinners() => Computed(
        Link("Signup form", "signup-pr7"),
        new VariantCounts("control", 34, 6000, 300),
        new VariantCounts("short-form", 33, 6000, 420),
        new VariantCounts("social-login", 33, 6000, 400));

    /// <summary>Every variant converts worse than the control.</summary>
    public static LinkStats ControlHolds() => Computed(
        Link("Pricing table", "pricing-pr9"),
        new VariantCounts("control", 50, 3000, 240),
        new VariantCounts("annual-first", 50, 3000, 150));

    public static LinkStats InsufficientData() => StatsCalculator.Compute(
        "3f2c9a1e-7b4d-4e8a-9c1f-0a2b3c4d5e6f",
        new[] { new VariantCounts("control", 50, 40, 3), new VariantCounts("variant_b", 50, 38, 2) },
        100,
        null,
        DateRange.All) with
    {
        Source = StatsSource.ComputedFromClicks,
        RequestCost = 3,
    };

    public static LinkStats FiveVariants() => Computed(
        Link("Pricing page CTA", "pricing-cta"),
        new VariantCounts("control", 20, 1210, 61),
        new VariantCounts("green_button", 20, 1188, 72),
        new VariantCounts("free-trial-copy", 20, 1223, 80),
        new VariantCounts("no_price", 20, 1195, 49),
        new VariantCounts("testimonial", 20, 1201, 66));

    public static LinkStats DeclaredWinner() => SignificantWinner() with
    {
        LinkId = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
        WinnerLabel = "bold-headline",
        VisitorsNeeded = null,
        Link = Link("Homepage headline", "homepage"),
    };

    public static Link Link(string name, string slug) => new()
    {
        Id = "550e8400-e29b-41d4-a716-446655440000",
        Name = name,
        Slug = slug,
        ShortUrl = "https://klinky.io/" + slug,
    };

    /// <summary>A variant built by hand, for tests about escaping rather than figures.</summary>
    public static VariantStats Variant(string label, int weight, long clicks, long conversions, double rate, double low, double high,
        double? uplift, double? pValue, double? beatControl, double? best) => new()
    {
        Label = label,
        Weight = weight,
        Clicks = clicks,
        Conversions = conversions,
        ConversionRate = rate,
        ConversionRateCi = new[] { low, high },
        Uplift = uplift,
        PValue = pValue,
        ProbabilityToBeatControl = beatControl,
        ProbabilityToBeBest = best,
    };

    /// <summary>A 50/50 link served 47.5/52.5: the verdict is withheld and the warning leads.</summary>
    public static LinkStats SampleRatioMismatch() => Computed(
        Link("Pricing page", "pricing-pr9"),
        new VariantCounts("control", 50, 9_500, 475),
        new VariantCounts("annual-first", 50, 10_500, 620));

    /// <summary>Significant at an earlier push, not at this look: with the action's memory the verdict stands, since then.</summary>
    public static LinkStats StickyWinner()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var link = Link("Signup button", "signup-pr12");
        var first = StatsCalculator.Compute(link.Id, new[] { new VariantCounts("control", 50, 5_000, 250), new VariantCounts("green", 50, 5_000, 340) }, 100, null, DateRange.All,
            new StatsOptions { Now = monday.AddDays(2), ExperimentStart = monday });
        return StatsCalculator.Compute(link.Id, new[] { new VariantCounts("control", 50, 6_000, 310), new VariantCounts("green", 50, 6_000, 370) }, 100, null, DateRange.All,
            new StatsOptions { Previous = first.Memory, Now = monday.AddDays(3), ExperimentStart = monday }) with { Link = link };
    }

    /// <summary>A broken variant far behind, a paused one without weight, and the time the rest still needs at the current rate.</summary>
    public static LinkStats BrokenAndPausedVariants()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var link = Link("Landing page", "landing-pr3");
        return StatsCalculator.Compute(link.Id, new[]
        {
            new VariantCounts("control", 40, 4_000, 200),
            new VariantCounts("new-hero", 0, 0, 0),
            new VariantCounts("broken-form", 30, 3_000, 2),
            new VariantCounts("short-copy", 30, 3_000, 160),
        }, 100, null, DateRange.All, new StatsOptions { Now = monday.AddDays(5), ExperimentStart = monday }) with { Link = link };
    }

    private static LinkStats Computed(Link link, params VariantCounts[] variants) =>
        StatsCalculator.Compute(link.Id, variants, 100, null, DateRange.All) with { Link = link };
}
