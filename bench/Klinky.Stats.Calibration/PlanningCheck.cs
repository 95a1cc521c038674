namespace Klinky.Stats.Calibration;

/// <summary>
/// Does the planned sample deliver the promised 80% power at the link's real weights? Today's plan assumed an equal
/// split (visitors per variant × 2); the new one plans for the weights. Each is simulated at its own planned total with
/// a look every 1% of it, and power is the share of experiments whose variant is found better by then.
/// </summary>
internal static class PlanningCheck
{
    public static (long NewTotal, double NewPower, long TodayTotal, double TodayPower) Run(double rate, double effect, int[] weights, int experiments, int seed)
    {
        var shares = VerdictCell.Shares(weights);
        var newTotal = AlwaysValidTest.VisitorsInTotal(rate, effect, 1, shares[0], shares[1]) ?? 0;
        var todayTotal = 2 * TodayPerVariant(rate, effect);
        return (newTotal, Power(rate, effect, weights, newTotal, experiments, seed, today: false), todayTotal, Power(rate, effect, weights, todayTotal, experiments, seed, today: true));
    }

    private static double Power(double rate, double effect, int[] weights, long total, int experiments, int seed, bool today)
    {
        var found = 0;
        var rates = new[] { rate, rate * (1 + effect) };
        var step = (int)Math.Max(1, total / 100);
        var served = VerdictCell.Shares(weights);
        Parallel.For(0, experiments, e =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + e));
            var clicks = new long[2];
            var conversions = new long[2];
            for (long n = 0; n < total; n += step)
            {
                for (var v = 0; v < step; v++)
                {
                    var arm = random.NextDouble() < served[0] ? 0 : 1;
                    clicks[arm]++;
                    conversions[arm] += random.NextDouble() < rates[arm] ? 1 : 0;
                }

                var counts = new[] { new VariantCounts("control", weights[0], clicks[0], conversions[0]), new VariantCounts("b", weights[1], clicks[1], conversions[1]) };
                var better = today
                    ? TodayRule.Decide(counts, VerdictSimulation.Threshold) == 1
                    : StatsVerdict.Decide(counts, VerdictSimulation.Threshold, effect).RecommendedWinner == "b";
                if (better)
                {
                    Interlocked.Increment(ref found);
                    break;
                }
            }
        });
        return found / (double)experiments;
    }

    // Today's plan: per-variant n for an equal split, each arm's own variance, the boundary at 2n.
    private static long TodayPerVariant(double rate, double effect)
    {
        var target = rate * (1 + effect);
        var variance = (rate * (1 - rate)) + (target * (1 - target));
        long n = 2;
        while ((target - rate) / Math.Sqrt(variance / n) < AlwaysValidTest.Multiplier(2.0 * n, AlwaysValidTest.Alpha) + 0.8416212335729143)
        {
            n += Math.Max(1, n / 100);
        }

        return n;
    }
}
