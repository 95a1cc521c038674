using Klinky.Stats;

namespace Klinky.Tests.Stats;

/// <summary>The sticky verdict through Core's public API, as a surface with memory (the action, the emulator) uses it.</summary>
public class VerdictMemoryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static LinkStats Read(VerdictMemory? previous, DateTimeOffset now, params VariantCounts[] counts) =>
        StatsCalculator.Compute("lnk", counts, 100, null, DateRange.All, new StatsOptions { Previous = previous, Now = now, ExperimentStart = Monday });

    [Fact]
    public void Compute_WinnerFoundThenALookWhereItIsNot_StillSignificantSinceTheFirstCrossing()
    {
        var first = Read(null, Monday.AddDays(2), new VariantCounts("control", 50, 5_000, 250), new VariantCounts("b", 50, 5_000, 340));
        var later = Read(first.Memory, Monday.AddDays(3), new VariantCounts("control", 50, 6_000, 310), new VariantCounts("b", 50, 6_000, 370));
        var stateless = Read(null, Monday.AddDays(3), new VariantCounts("control", 50, 6_000, 310), new VariantCounts("b", 50, 6_000, 370));

        Assert.Equal((StatsStatus.Significant, VerdictBasis.CurrentLook), (first.Status, first.VerdictBasis));
        Assert.Equal(StatsStatus.Running, stateless.Status);
        Assert.Equal((StatsStatus.Significant, "b", VerdictBasis.History), (later.Status, later.RecommendedWinner, later.VerdictBasis));
        Assert.Equal(((DateTimeOffset?)Monday.AddDays(2), 10_000L, "b"), (later.SignificantSince!.At, later.SignificantSince.Visitors, later.SignificantSince.Winner));
        Assert.Equal(VariantVerdict.Better, later.Variants[1].Verdict);
    }

    [Fact]
    public void Compute_WeightsChanged_StartsOverFromTheCountsAtTheChangeAndSaysSo()
    {
        var first = Read(null, Monday.AddDays(2), new VariantCounts("control", 50, 5_000, 250), new VariantCounts("b", 50, 5_000, 340));
        var changed = Read(first.Memory, Monday.AddDays(3), new VariantCounts("control", 20, 5_100, 255), new VariantCounts("b", 80, 5_400, 360));
        var after = Read(changed.Memory, Monday.AddDays(4), new VariantCounts("control", 20, 5_300, 265), new VariantCounts("b", 80, 6_200, 400));

        Assert.True(changed.ExperimentRestarted);
        Assert.Equal(Monday.AddDays(3), changed.ExperimentStartedAt);
        Assert.Equal((StatsStatus.InsufficientData, 0L), (changed.Status, changed.TotalClicks));
        Assert.False(after.ExperimentRestarted);
        Assert.Equal(new long[] { 200, 800 }, after.Variants.Select(v => v.Clicks));
        Assert.Null(after.SignificantSince);
    }

    [Fact]
    public void Compute_WindowNotFromTheStart_GivesFiguresNotAVerdict_FromTheStartGivesOne()
    {
        var counts = new[] { new VariantCounts("control", 50, 5_000, 250), new VariantCounts("b", 50, 5_000, 340) };
        var window = StatsCalculator.Compute("lnk", counts, 100, null, new DateRange(Monday.AddDays(1), null), new StatsOptions { ExperimentStart = Monday });
        var fromStart = StatsCalculator.Compute("lnk", counts, 100, null, new DateRange(Monday, Monday.AddDays(3)), new StatsOptions { ExperimentStart = Monday });

        Assert.Equal((VerdictWithheld.DateRange, VerdictBasis.FiguresOnly, StatsStatus.Running), (window.VerdictWithheld, window.VerdictBasis, window.Status));
        Assert.Null(window.RecommendedWinner);
        Assert.Null(window.Variants[1].UpliftInterval);
        Assert.Equal(0.068, window.Variants[1].ConversionRate, 12);
        Assert.Equal((StatsStatus.Significant, (string?)null), (fromStart.Status, fromStart.VerdictWithheld));
    }

    [Fact]
    public void Compute_TrafficRateKnown_TurnsVisitorsStillNeededIntoDays()
    {
        // 2,000 visitors in 2 days = 1,000 a day; 32,372 planned - 2,000 come = 30,372 more: about 30 days.
        var stats = Read(null, Monday.AddDays(2), new VariantCounts("control", 50, 1_000, 50), new VariantCounts("b", 50, 1_000, 52));

        Assert.Equal(1_000, stats.VisitorsPerDay!.Value, 9);
        Assert.Equal(stats.TotalVisitorsNeeded!.Value / 1_000.0, stats.DaysNeeded!.Value, 9);
        Assert.InRange(stats.DaysNeeded!.Value, 29, 32);
    }

    [Fact]
    public void Memory_RoundTripsThroughTheWireJson()
    {
        var stats = Read(null, Monday.AddDays(2), new VariantCounts("control", 50, 5_000, 250), new VariantCounts("b", 50, 5_000, 340));
        var json = System.Text.Json.JsonSerializer.Serialize(stats.Memory, Klinky.Serialization.KlinkyJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<VerdictMemory>(json, Klinky.Serialization.KlinkyJson.Options)!;
        var next = Read(back, Monday.AddDays(3), new VariantCounts("control", 50, 6_000, 310), new VariantCounts("b", 50, 6_000, 370));

        Assert.Equal(StatsStatus.Significant, next.Status);
        var (kept, read) = (stats.Memory!.SignificantSince!, back.SignificantSince!);
        Assert.Equal((kept.At, kept.Visitors, kept.Winner), (read.At, read.Visitors, read.Winner));
    }

    [Fact]
    public void WithMemory_OverASequenceOfPushes_NeverGoesBackOnceSignificant()
    {
        // What the action does on each push: read the stats (stateless), apply the memory saved in its comment, save the new one.
        var pushes = new (long Control, long ControlConversions, long B, long BConversions)[]
        {
            (2_000, 100, 2_000, 110), (5_000, 250, 5_000, 340), (6_000, 310, 6_000, 370), (8_000, 420, 8_000, 470),
        };
        VerdictMemory? saved = null;
        var statuses = new List<string>();
        for (var i = 0; i < pushes.Length; i++)
        {
            var (c, cc, b, bc) = pushes[i];
            var stateless = StatsCalculator.Compute("lnk", new[] { new VariantCounts("control", 50, c, cc), new VariantCounts("b", 50, b, bc) }, 100, null, DateRange.All);
            var read = StatsCalculator.WithMemory(stateless, saved, Monday.AddDays(i));
            saved = read.Memory;
            statuses.Add(read.Status);
        }

        Assert.Equal(new[] { StatsStatus.Running, StatsStatus.Significant, StatsStatus.Significant, StatsStatus.Significant }, statuses);
        Assert.Equal(Monday.AddDays(1), saved!.SignificantSince!.At);
    }
}
