namespace Klinky.Stats.Calibration;

/// <summary>What one rule did over many simulated experiments of one scenario.</summary>
internal sealed record CellResult(int Experiments, int Declared, int Wrong, int Right, double? MedianVisitorsToDecision)
{
    public double DeclaredShare => Declared / (double)Experiments;

    public double WrongShare => Wrong / (double)Experiments;

    public double RightShare => Right / (double)Experiments;
}

/// <summary>
/// Seeded experiments: each look adds <see cref="Scenario.LookEvery"/> visitors to every variant (Bernoulli draws at
/// the true rates), then every rule still undecided reads the counts; a rule's first winner is its decision, as an
/// auto-winner or a reader acting on the report would take it. Experiment i of a scenario always gets the same data.
/// </summary>
internal static class Simulation
{
    public const int Threshold = 100;

    public static IReadOnlyList<CellResult> Run(Scenario scenario, IReadOnlyList<IDecisionRule> rules, int experiments, int seed)
    {
        var decidedAt = rules.Select(_ => new List<int>()).ToArray();
        var wrong = new int[rules.Count];
        var right = new int[rules.Count];
        var trueBest = scenario.TrueBest;
        var arms = scenario.Rates.Count;
        var labels = Enumerable.Range(0, arms).Select(i => i == 0 ? "control" : "variant_" + (char)('b' + i - 1)).ToArray();
        for (var e = 0; e < experiments; e++)
        {
            var random = new Random(unchecked((seed * 1_000_003) + e));
            var conversions = new long[arms];
            var decided = new bool[rules.Count];
            var open = rules.Count;
            for (var n = scenario.LookEvery; n <= scenario.MaxPerVariant && open > 0; n += scenario.LookEvery)
            {
                for (var a = 0; a < arms; a++)
                {
                    for (var v = 0; v < scenario.LookEvery; v++)
                    {
                        if (random.NextDouble() < scenario.Rates[a])
                        {
                            conversions[a]++;
                        }
                    }
                }

                var counts = new VariantCounts[arms];
                for (var a = 0; a < arms; a++)
                {
                    counts[a] = new VariantCounts(labels[a], 100 / arms, n, conversions[a]);
                }

                for (var r = 0; r < rules.Count; r++)
                {
                    if (decided[r] || rules[r].Decide(counts) is not { } winner)
                    {
                        continue;
                    }

                    decided[r] = true;
                    open--;
                    decidedAt[r].Add(n);
                    if (winner == trueBest)
                    {
                        right[r]++;
                    }
                    else
                    {
                        wrong[r]++;
                    }
                }
            }
        }

        return rules.Select((_, r) => new CellResult(experiments, decidedAt[r].Count, wrong[r], right[r], Median(decidedAt[r]))).ToList();
    }

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
