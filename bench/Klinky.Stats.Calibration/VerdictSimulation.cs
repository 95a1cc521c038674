namespace Klinky.Stats.Calibration;

/// <summary>
/// Seeded experiments for the verdict's cells, read after every look by the new verdict (Core's code, memory carried from
/// look to look as a surface with memory does) and by today's rule (<see cref="TodayRule"/>), on the same data.
/// Experiments run in parallel; experiment i of a cell always gets the same data, so the figures do not depend on the
/// number of cores.
/// </summary>
internal static class VerdictSimulation
{
    public const int Threshold = 100;

    public static VerdictCellResult Run(VerdictCell cell, int seed)
    {
        var totals = new int[13];
        Parallel.For(0, cell.Experiments, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, e =>
        {
            var outcome = Experiment(cell, new Random(unchecked((seed * 1_000_003) + e)));
            for (var i = 0; i < outcome.Length; i++)
            {
                if (outcome[i])
                {
                    Interlocked.Increment(ref totals[i]);
                }
            }
        });
        return new VerdictCellResult(cell.Experiments, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7], totals[8], totals[9], totals[10], totals[11]);
    }

    // [new winner, new wrong, today winner, today wrong, new flip, today flip, new significant, today significant,
    //  srm ever, srm by 20k, new uplift miss, today uplift miss, unused]
    private static bool[] Experiment(VerdictCell cell, Random random)
    {
        var arms = cell.Rates.Count;
        var labels = Enumerable.Range(0, arms).Select(i => i == 0 ? "control" : "variant_" + (char)('b' + i - 1)).ToArray();
        var clicks = new long[arms];
        var conversions = new long[arms];
        var result = new bool[13];
        var trueBest = cell.IsAA ? (int?)null : cell.Rates.ToList().IndexOf(cell.Rates.Max());
        var trueUplift = arms == 2 && !cell.IsAA ? (cell.Rates[1] / cell.Rates[0]) - 1 : (double?)null;
        int? newWinner = null, todayWinner = null;
        VerdictMemory? memory = null;
        var start = DateTimeOffset.UnixEpoch;
        for (var total = cell.LookEveryTotal; total <= cell.MaxTotal; total += cell.LookEveryTotal)
        {
            var later = cell.LaterWeights is not null && total > cell.MaxTotal / 2;
            var weights = later ? cell.LaterWeights! : cell.Weights;
            var served = later ? VerdictCell.Shares(cell.LaterWeights!) : cell.Served;
            Visit(random, cell.LookEveryTotal, served, cell.Rates, clicks, conversions);
            var counts = Enumerable.Range(0, arms).Select(a => new VariantCounts(labels[a], weights[a], clicks[a], conversions[a])).ToArray();
            var (significant, winner, srm, uplift) = New(cell, counts, ref memory, start.AddHours(total / (double)cell.LookEveryTotal));
            Record(significant ? winner : null, ref newWinner, trueBest, result, 0);
            Record(TodayRule.Decide(counts, Threshold), ref todayWinner, trueBest, result, 2);
            result[8] |= srm;
            result[9] |= srm && total <= 20_000;
            if (trueUplift is { } u)
            {
                result[10] |= uplift is { } n && (u < n.Low || u > n.High);
                result[11] |= TodayRule.Uplift(counts[1], counts[0]) is { } t && (u < t.Low || u > t.High);
            }
        }

        return result;
    }

    // The new verdict: Core's StatsVerdict with the memory a surface keeps, or (push cells and weight changes, which
    // need the restart) Core's whole stats object, exactly as the action and the emulator compute it.
    private static (bool Significant, int? Winner, bool Srm, (double Low, double High)? Uplift) New(
        VerdictCell cell, VariantCounts[] counts, ref VerdictMemory? memory, DateTimeOffset now)
    {
        if (cell.Pushes || cell.LaterWeights is not null)
        {
            var stats = StatsCalculator.Compute("l", counts, Threshold, null, DateRange.All, new StatsOptions { Previous = memory, Now = now });
            memory = stats.Memory;
            var index = Array.FindIndex(counts, c => c.Label == stats.RecommendedWinner);
            var relative = stats.Variants.Count == 2 && stats.Variants[1].UpliftInterval is { } r ? (r[0], r[1]) : ((double, double)?)null;
            return (stats.Status == StatsStatus.Significant, index < 0 ? null : index, stats.SampleRatio?.Mismatch == true, relative);
        }

        var verdict = StatsVerdict.Decide(counts, Threshold, AlwaysValidTest.DefaultMinimumEffect, memory, now, figuresOnly: false);
        memory = new VerdictMemory { Verdicts = verdict.Reached, Intervals = verdict.KeptIntervals, UpliftIntervals = verdict.KeptUpliftIntervals, SignificantSince = verdict.SignificantSince };
        var found = Array.FindIndex(counts, c => c.Label == verdict.RecommendedWinner);
        return (verdict.Status == StatsStatus.Significant, found < 0 ? null : found, verdict.SampleRatio.Mismatch, counts.Length == 2 ? verdict.UpliftIntervals[1] : null);
    }

    // The first winner is the decision (as auto-winner and a reader take it); a later look without it is a flip.
    private static void Record(int? winner, ref int? first, int? trueBest, bool[] result, int offset)
    {
        if (first is null && winner is { } w)
        {
            first = w;
            result[offset] = true;
            result[offset + 1] = w != trueBest;
            result[6 + (offset / 2)] = true;
        }
        else if (first is not null && winner != first)
        {
            result[4 + (offset / 2)] = true;
        }
    }

    private static void Visit(Random random, int visitors, IReadOnlyList<double> served, IReadOnlyList<double> rates, long[] clicks, long[] conversions)
    {
        for (var v = 0; v < visitors; v++)
        {
            var draw = random.NextDouble();
            var arm = 0;
            while (arm < served.Count - 1 && draw >= served[arm])
            {
                draw -= served[arm];
                arm++;
            }

            clicks[arm]++;
            if (random.NextDouble() < rates[arm])
            {
                conversions[arm]++;
            }
        }
    }
}
