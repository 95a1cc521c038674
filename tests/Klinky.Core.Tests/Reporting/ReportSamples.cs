using Klinky.Links;
using Klinky.Stats;

namespace Klinky.Tests.Reporting;

/// <summary>Stats objects as the calculator would produce them, built by hand so these tests do not depend on it.</summary>
internal static class ReportSamples
{
    public const string Commit = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    public const string RunUrl = "https://github.com/Codertocat/Hello-World/actions/runs/9876543210";

    public static LinkStats TypicalRunning() => Stats(
        Link("Checkout button test", "checkout-pr42"),
        StatsStatus.Running,
        null,
        Variant("control", 50, 610, 38, 0.0623, 0.045, 0.084, null, null, null, 0.21),
        Variant("variant_b", 50, 624, 49, 0.0785, 0.059, 0.102, 0.26, 0.27, 0.87, 0.79));

    public static LinkStats SignificantWinner() => Stats(
        Link("Homepage headline", "homepage-pr42"),
        StatsStatus.Significant,
        "bold-headline",
        Variant("control", 50, 2000, 100, 0.05, 0.0413, 0.0604, null, null, null, 0.0004),
        Variant("bold-headline", 50, 2000, 150, 0.075, 0.0643, 0.0873, 0.5, 0.0008, 0.9996, 0.9996));

    public static LinkStats InsufficientData() => new()
    {
        LinkId = "3f2c9a1e-7b4d-4e8a-9c1f-0a2b3c4d5e6f",
        TotalClicks = 78,
        TotalConversions = 5,
        ControlLabel = "control",
        Status = StatsStatus.InsufficientData,
        AutoWinnerThreshold = 100,
        Source = StatsSource.ComputedFromClicks,
        RequestCost = 3,
        Variants = new[]
        {
            Variant("control", 50, 40, 3, 0.075, 0.0258, 0.1989, null, null, null, 0.62),
            Variant("variant_b", 50, 38, 2, 0.0526, 0.0146, 0.1729, -0.2982, 0.67, 0.38, 0.38),
        },
    };

    public static LinkStats FiveVariants() => Stats(
        Link("Pricing page CTA", "pricing-cta"),
        StatsStatus.Running,
        null,
        Variant("control", 20, 1210, 61, 0.0504, 0.0394, 0.0643, null, null, null, 0.06),
        Variant("green_button", 20, 1188, 72, 0.0606, 0.0484, 0.0757, 0.2024, 0.29, 0.86, 0.31),
        Variant("free-trial-copy", 20, 1223, 80, 0.0654, 0.0529, 0.0807, 0.2976, 0.11, 0.94, 0.52),
        Variant("no_price", 20, 1195, 49, 0.0410, 0.0312, 0.0538, -0.1865, 0.27, 0.13, 0.01),
        Variant("testimonial", 20, 1201, 66, 0.0550, 0.0434, 0.0694, 0.0913, 0.62, 0.69, 0.10));

    public static LinkStats DeclaredWinner() => new()
    {
        LinkId = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
        TotalClicks = 4000,
        TotalConversions = 250,
        ControlLabel = "control",
        Status = StatsStatus.Significant,
        RecommendedWinner = "bold-headline",
        WinnerLabel = "bold-headline",
        Link = Link("Homepage headline", "homepage"),
        Variants = SignificantWinner().Variants,
    };

    public static Link Link(string name, string slug) => new()
    {
        Id = "550e8400-e29b-41d4-a716-446655440000",
        Name = name,
        Slug = slug,
        ShortUrl = "https://klinky.io/" + slug,
    };

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

    private static LinkStats Stats(Link link, string status, string? recommended, params VariantStats[] variants) => new()
    {
        RecommendedWinner = recommended,
        LinkId = link.Id,
        Link = link,
        Status = status,
        ControlLabel = variants[0].Label,
        TotalClicks = variants.Sum(v => v.Clicks),
        TotalConversions = variants.Sum(v => v.Conversions),
        Variants = variants,
    };
}
