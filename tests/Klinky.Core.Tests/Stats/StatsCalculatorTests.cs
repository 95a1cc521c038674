using Klinky.Stats;

namespace Klinky.Tests.Stats;

/// <summary>
/// Expected values come from <c>python3 tests/Klinky.Core.Tests/Stats/reference_values.py</c> (see StatisticsTests);
/// the comment next to each names the function and inputs.
/// </summary>
public class StatsCalculatorTests
{
    private const double ProbabilityTolerance = 0.0005;

    [Fact]
    public void Compute_ContractExample_FillsEveryFigure()
    {
        var stats = Compute(new VariantCounts("control", 50, 610, 38), new VariantCounts("variant_b", 50, 624, 49));

        Assert.Equal("lnk_1", stats.LinkId);
        Assert.Equal(1234, stats.TotalClicks);
        Assert.Equal(87, stats.TotalConversions);
        Assert.Equal("control", stats.ControlLabel);

        var control = stats.Variants[0];
        Assert.Equal(("control", 50, 610L, 38L), (control.Label, control.Weight, control.Clicks, control.Conversions));
        Assert.Equal(38.0 / 610, control.ConversionRate);
        // wilson(38, 610)
        Assert.Equal(0.04571939750453413, control.ConversionRateCi[0], 1e-14);
        Assert.Equal(0.08434913676176439, control.ConversionRateCi[1], 1e-14);
        Assert.Null(control.Uplift);
        Assert.Null(control.PValue);
        Assert.Null(control.ProbabilityToBeatControl);
        // p_best([(610, 38), (624, 49)])[0]
        Assert.Equal(0.13418918682252368, control.ProbabilityToBeBest!.Value, ProbabilityTolerance);

        var challenger = stats.Variants[1];
        Assert.Equal(49.0 / 624, challenger.ConversionRate);
        // wilson(49, 624)
        Assert.Equal(0.05990580186254843, challenger.ConversionRateCi[0], 1e-14);
        Assert.Equal(0.10230307649344292, challenger.ConversionRateCi[1], 1e-14);
        // (49/624)/(38/610) - 1
        Assert.Equal(0.26054318488529016, challenger.Uplift!.Value, 1e-14);
        // p_value(49, 624, 38, 610)
        Assert.Equal(0.26547535293063074, challenger.PValue!.Value, 1e-12);
        // p_beat_closed_form((624, 49), (610, 38)) and p_best(...)[1]
        Assert.Equal(0.8658108131779009, challenger.ProbabilityToBeatControl!.Value, ProbabilityTolerance);
        Assert.Equal(0.8658108131774763, challenger.ProbabilityToBeBest!.Value, ProbabilityTolerance);

        Assert.Equal(StatsStatus.Running, stats.Status);
        Assert.Null(stats.RecommendedWinner);
    }

    [Fact]
    public void Compute_ZeroClicks_GivesRateZeroAndNoComparisons()
    {
        var stats = Compute(new VariantCounts("control", 50, 0, 0), new VariantCounts("b", 50, 0, 0));

        Assert.All(stats.Variants, v =>
        {
            Assert.Equal(0.0, v.ConversionRate);
            Assert.Equal(new[] { 0.0, 1.0 }, v.ConversionRateCi);
            Assert.Null(v.Uplift);
            Assert.Null(v.PValue);
            // Two uniform posteriors: p_best([(0, 0), (0, 0)]) = [0.5, 0.5]
            Assert.Equal(0.5, v.ProbabilityToBeBest!.Value, 1e-9);
        });
        Assert.Equal(0.5, stats.Variants[1].ProbabilityToBeatControl!.Value, 1e-9);
        Assert.Equal(StatsStatus.InsufficientData, stats.Status);
        Assert.Equal(0, stats.TotalClicks);
    }

    [Fact]
    public void Compute_ControlWithoutClicks_HasNoUpliftOrPValueForTheOthers()
    {
        var stats = Compute(new VariantCounts("control", 50, 0, 0), new VariantCounts("b", 50, 200, 20));

        var challenger = stats.Variants[1];
        Assert.Null(challenger.Uplift);
        Assert.Null(challenger.PValue);
        // p_beat_closed_form((200, 20), (0, 0))
        Assert.Equal(0.10396039603961274, challenger.ProbabilityToBeatControl!.Value, ProbabilityTolerance);
    }

    [Fact]
    public void Compute_ZeroConversionsInControl_HasNoUpliftAndNoWinner()
    {
        var stats = Compute(new VariantCounts("control", 50, 500, 0), new VariantCounts("b", 50, 500, 10));

        var challenger = stats.Variants[1];
        Assert.Null(challenger.Uplift);
        // p_value(0, 500, 10, 500) and p_beat_closed_form((500, 10), (500, 0))
        Assert.Equal(0.0014818807747203908, challenger.PValue!.Value, 1e-12);
        Assert.Equal(0.999538067376654, challenger.ProbabilityToBeatControl!.Value, ProbabilityTolerance);
        Assert.Equal(0.0, stats.Variants[0].ConversionRateCi[0]);

        // 5 expected conversions per arm at the pooled 1%: judged, but far from proven.
        Assert.Equal(StatsStatus.Running, stats.Status);
        Assert.Null(stats.RecommendedWinner);
    }

    [Fact]
    public void Compute_AllConverted_HasIntervalUpToOneAndNoVerdict()
    {
        var stats = Compute(threshold: 10, new VariantCounts("control", 50, 40, 40), new VariantCounts("b", 50, 40, 30));

        Assert.Equal(1.0, stats.Variants[0].ConversionRate);
        Assert.Equal(1.0, stats.Variants[0].ConversionRateCi[1]);
        // (30/40)/(40/40) - 1 and p_beat_closed_form((40, 30), (40, 40)); the control has no non-conversions.
        Assert.Equal(-0.25, stats.Variants[1].Uplift!.Value, 1e-14);
        Assert.Equal(0.0002256345704701325, stats.Variants[1].ProbabilityToBeatControl!.Value, ProbabilityTolerance);
        Assert.Equal(StatsStatus.Running, stats.Status);
        Assert.Null(stats.RecommendedWinner);
    }

    [Fact]
    public void Compute_OneVariantWithEnoughData_IsRunningWithNothingToCompare()
    {
        var stats = Compute(new VariantCounts("only", 100, 500, 50));

        var only = Assert.Single(stats.Variants);
        Assert.Equal("only", stats.ControlLabel);
        Assert.Equal(1.0, only.ProbabilityToBeBest);
        Assert.Null(only.Uplift);
        Assert.Null(only.ProbabilityToBeatControl);
        Assert.Null(only.UpliftInterval);
        Assert.Null(only.Verdict);
        Assert.Equal(StatsStatus.Running, stats.Status);
        Assert.Null(stats.RecommendedWinner);
    }

    [Fact]
    public void Compute_FiveVariantsWithControlInTheMiddle_ComparesEachWithTheControl()
    {
        var stats = Compute(
            new VariantCounts("a", 20, 1000, 50),
            new VariantCounts("b", 20, 1000, 62),
            new VariantCounts("control", 20, 1000, 48),
            new VariantCounts("d", 20, 1000, 71),
            new VariantCounts("e", 20, 1000, 55));

        Assert.Equal("control", stats.ControlLabel);
        Assert.Null(stats.Variants[2].Uplift);
        Assert.Null(stats.Variants[2].PValue);
        Assert.Null(stats.Variants[2].ProbabilityToBeatControl);

        // Per challenger: (rate/0.048 - 1, p_value(conv, 1000, 48, 1000), p_beat_closed_form((1000, conv), (1000, 48))).
        var expected = new Dictionary<string, (double Uplift, double PValue, double Beat)>
        {
            ["a"] = (0.04166666666666674, 0.8358771576779198, 0.5816112663011196),
            ["b"] = (0.29166666666666674, 0.16970787438753665, 0.9143526016460891),
            ["d"] = (0.4791666666666665, 0.029699340246827154, 0.9850141746204274),
            ["e"] = (0.14583333333333326, 0.47881616797807386, 0.7595009862554498),
        };
        foreach (var variant in stats.Variants.Where(v => v.Label != "control"))
        {
            Assert.Equal(expected[variant.Label].Uplift, variant.Uplift!.Value, 1e-12);
            Assert.Equal(expected[variant.Label].PValue, variant.PValue!.Value, 1e-12);
            Assert.Equal(expected[variant.Label].Beat, variant.ProbabilityToBeatControl!.Value, ProbabilityTolerance);
        }

        // p_best([(1000, 50), (1000, 62), (1000, 48), (1000, 71), (1000, 55)]): the order of the list, not the control, counts.
        double[] best = { 0.011081980322024263, 0.1919924313916822, 0.005847410200521047, 0.747360136307896, 0.043718041777876464 };
        for (var i = 0; i < best.Length; i++)
        {
            Assert.Equal(best[i], stats.Variants[i].ProbabilityToBeBest!.Value, ProbabilityTolerance);
        }

        Assert.Equal(StatsStatus.Running, stats.Status);
        Assert.Null(stats.RecommendedWinner);
    }

    [Fact]
    public void Compute_NoVariantLabelledControl_UsesTheFirst()
    {
        var stats = Compute(new VariantCounts("blue", 50, 624, 49), new VariantCounts("green", 50, 610, 38));

        Assert.Equal("blue", stats.ControlLabel);
        Assert.Null(stats.Variants[0].Uplift);
        // (38/610)/(49/624) - 1
        Assert.Equal((38.0 / 610 / (49.0 / 624)) - 1, stats.Variants[1].Uplift!.Value, 1e-14);
        // 1 - p_beat_closed_form((624, 49), (610, 38))
        Assert.Equal(1 - 0.8658108131779009, stats.Variants[1].ProbabilityToBeatControl!.Value, ProbabilityTolerance);
    }

    [Fact]
    public void Compute_ControlNotFirst_IsStillTheControl()
    {
        var stats = Compute(new VariantCounts("variant_b", 50, 624, 49), new VariantCounts("control", 50, 610, 38));

        Assert.Equal("control", stats.ControlLabel);
        Assert.Null(stats.Variants[1].Uplift);
        Assert.Equal(0.26054318488529016, stats.Variants[0].Uplift!.Value, 1e-14);
        Assert.Equal(0.8658108131779009, stats.Variants[0].ProbabilityToBeatControl!.Value, ProbabilityTolerance);
    }

    [Theory]
    [InlineData(99, 50, 100, StatsStatus.InsufficientData)] // fewer clicks than the threshold
    [InlineData(100, 50, 100, StatsStatus.Running)]
    [InlineData(1000, 4, 100, StatsStatus.InsufficientData)] // fewer than 5 conversions
    [InlineData(1000, 5, 100, StatsStatus.Running)]
    [InlineData(1000, 996, 100, StatsStatus.InsufficientData)] // fewer than 5 non-conversions
    [InlineData(1000, 995, 100, StatsStatus.Running)]
    [InlineData(150, 50, 200, StatsStatus.InsufficientData)] // the link's own threshold counts, not the default
    public void Compute_StatusWaitsForEnoughDataInEveryVariant(long clicks, long conversions, int threshold, string expected)
    {
        // Two identical variants: probability to be best 0.5 each, so never significant.
        var stats = Compute(threshold, new VariantCounts("control", 50, clicks, conversions), new VariantCounts("b", 50, clicks, conversions));

        Assert.Equal(expected, stats.Status);
        Assert.Null(stats.RecommendedWinner);
    }

    [Theory]
    [InlineData(68, StatsStatus.Running, null)] // the old rule's first "winner": P(b beats control) = 0.9558
    [InlineData(88, StatsStatus.Running, null)] // interval(88, 1000, 50, 1000) in always_valid_reference.py holds 0
    [InlineData(89, StatsStatus.Significant, "b")] // interval(89, 1000, 50, 1000) = (0.00086, 0.077)
    public void Compute_SignificantOnlyWhenTheAlwaysValidIntervalExcludesZero(long conversions, string expectedStatus, string? expectedWinner)
    {
        var stats = Compute(new VariantCounts("control", 50, 1000, 50), new VariantCounts("b", 50, 1000, conversions));

        Assert.Equal(expectedStatus, stats.Status);
        Assert.Equal(expectedWinner, stats.RecommendedWinner);
        Assert.Equal(expectedWinner is null, stats.VisitorsNeeded is not null); // only an undecided test still needs visitors
    }

    [Fact]
    public void Compute_FillsTheAlwaysValidFields()
    {
        var stats = Compute(new VariantCounts("control", 50, 610, 38), new VariantCounts("variant_b", 50, 624, 49));

        var b = stats.Variants[1];
        // interval(49, 624, 38, 610) and uplift_interval(49, 624, 38, 610) of always_valid_reference.py
        Assert.Equal(-0.03730252784167692, b.DifferenceInterval![0], 1e-12);
        Assert.Equal(0.06976364595853274, b.DifferenceInterval[1], 1e-12);
        Assert.Equal(-0.4139320996706768, b.UpliftInterval![0], 1e-12);
        Assert.Equal(1.7112372475405615, b.UpliftInterval[1], 1e-12);
        Assert.Equal(VariantVerdict.Inconclusive, b.Verdict);
        Assert.Null(stats.Variants[0].UpliftInterval);
        Assert.Null(stats.Variants[0].Verdict);
        Assert.Equal(0.2, stats.MinimumEffect);
        Assert.Equal(AlwaysValidTest.VisitorsPerVariant(38 / 610.0, 0.2, 1) - 610, stats.VisitorsNeeded);
    }

    [Fact]
    public void Compute_MinimumEffect_PlansVisitorsForIt()
    {
        var counts = new[] { new VariantCounts("control", 50, 610, 38), new VariantCounts("variant_b", 50, 624, 49) };

        var stats = StatsCalculator.Compute("lnk_1", counts, 100, null, DateRange.All, new StatsOptions { MinimumEffect = 0.5 });

        Assert.Equal(0.5, stats.MinimumEffect);
        Assert.Equal(AlwaysValidTest.VisitorsPerVariant(38 / 610.0, 0.5, 1) - 610, stats.VisitorsNeeded);
        Assert.Throws<ArgumentOutOfRangeException>(() => StatsCalculator.Compute("lnk_1", counts, 100, null, DateRange.All, new StatsOptions { MinimumEffect = 0 }));
    }

    [Fact]
    public void Compute_ControlClearlyBest_RecommendsTheControl()
    {
        // p_best([(2000, 160), (2000, 100)]) = [0.99994, 0.00006]
        var stats = Compute(new VariantCounts("control", 50, 2000, 160), new VariantCounts("b", 50, 2000, 100));

        Assert.Equal(StatsStatus.Significant, stats.Status);
        Assert.Equal("control", stats.RecommendedWinner);
        Assert.Equal(0.9999424450733646, stats.Variants[0].ProbabilityToBeBest!.Value, ProbabilityTolerance);
    }

    [Fact]
    public void Compute_MillionClicksPerVariant_MatchesClosedFormAndIsDeterministic()
    {
        var variants = new[]
        {
            new VariantCounts("control", 20, 1_000_000, 50_000),
            new VariantCounts("b", 20, 1_000_000, 50_600),
            new VariantCounts("c", 20, 1_000_000, 49_800),
            new VariantCounts("d", 20, 1_000_000, 50_100),
            new VariantCounts("e", 20, 1_000_000, 0),
        };

        var first = StatsCalculator.Compute("lnk_big", variants, 100, null, DateRange.All);
        var second = StatsCalculator.Compute("lnk_big", variants, 100, null, DateRange.All);

        // p_beat_closed_form((1_000_000, 50_600), (1_000_000, 50_000)) and p_value(50_600, 1_000_000, 50_000, 1_000_000)
        Assert.Equal(0.9738796269318046, first.Variants[1].ProbabilityToBeatControl!.Value, ProbabilityTolerance);
        Assert.Equal(0.05224011574880632, first.Variants[1].PValue!.Value, 1e-9);
        Assert.Equal(5_000_000, first.TotalClicks);
        Assert.Equal(StatsStatus.Running, first.Status);
        Assert.Equal(VariantVerdict.Worse, first.Variants[4].Verdict); // "e" has no conversions: judged, far behind
        Assert.Equal(Snapshot(first), Snapshot(second));
    }

    [Fact]
    public void WithMinimumEffect_ReplansVisitorsNeededFromTheSameCounts_AndChangesNoVerdict()
    {
        var counts = new[] { new VariantCounts("control", 50, 610, 38), new VariantCounts("variant_b", 50, 624, 49) };
        var stats = StatsCalculator.Compute("lnk_1", counts, 100, null, DateRange.All);

        var replanned = StatsCalculator.WithMinimumEffect(stats, 0.5);

        Assert.Equal(StatsCalculator.Compute("lnk_1", counts, 100, null, DateRange.All, new StatsOptions { MinimumEffect = 0.5 }).VisitorsNeeded, replanned.VisitorsNeeded);
        Assert.True(replanned.VisitorsNeeded < stats.VisitorsNeeded);
        Assert.Equal(0.5, replanned.MinimumEffect);
        Assert.Equal(stats.Status, replanned.Status);
        Assert.Same(stats.Variants, replanned.Variants);
        Assert.Throws<ArgumentOutOfRangeException>(() => StatsCalculator.WithMinimumEffect(stats, -0.1));
    }

    [Fact]
    public void Compute_PassesThroughLinkFacts()
    {
        var range = new DateRange(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));

        var stats = StatsCalculator.Compute("lnk_9", new[] { new VariantCounts("control", 100, 10, 1) }, 250, "control", range);

        Assert.Equal("lnk_9", stats.LinkId);
        Assert.Equal(range.Start, stats.StartDate);
        Assert.Equal(range.End, stats.EndDate);
        Assert.Equal("control", stats.WinnerLabel);
        Assert.Equal(250, stats.AutoWinnerThreshold);
    }

    [Fact]
    public void Compute_NoVariants_IsInsufficientWithNoControl()
    {
        var stats = StatsCalculator.Compute("lnk_0", Array.Empty<VariantCounts>(), 100, null, DateRange.All);

        Assert.Empty(stats.Variants);
        Assert.Equal("", stats.ControlLabel);
        Assert.Equal(StatsStatus.InsufficientData, stats.Status);
    }

    [Fact]
    public void Compute_MoreConversionsThanClicks_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Compute(new VariantCounts("control", 100, 10, 11)));
    }

    private static LinkStats Compute(params VariantCounts[] variants) => Compute(100, variants);

    private static LinkStats Compute(int threshold, params VariantCounts[] variants) =>
        StatsCalculator.Compute("lnk_1", variants, threshold, null, DateRange.All);

    private static string Snapshot(LinkStats stats) =>
        string.Join("\n", stats.Variants.Select(v => string.Join(
            "|",
            v.Label,
            v.ConversionRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            string.Join(",", v.ConversionRateCi.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            v.Uplift?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            v.PValue?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            v.ProbabilityToBeatControl?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            v.ProbabilityToBeBest?.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
        + $"\n{stats.Status}|{stats.RecommendedWinner}|{stats.TotalClicks}|{stats.TotalConversions}";
}
