namespace Klinky.Stats.Calibration;

/// <summary>One cell of the calibration table: true conversion rates (the first is the control) and how often it is read.</summary>
internal sealed record Scenario(string Name, double BaseRate, IReadOnlyList<double> Rates, int LookEvery, int MaxPerVariant)
{
    /// <summary>The variant that truly converts best, or null when all rates are equal (any declared winner is then false).</summary>
    public int? TrueBest
    {
        get
        {
            var best = Rates.Max();
            return Rates.Count(r => r == best) == 1 ? Rates.ToList().IndexOf(best) : null;
        }
    }

    public static Scenario AA(double baseRate, int arms, int lookEvery, int maxPerVariant) =>
        new(arms == 2 ? "A/A" : "A/A/A", baseRate, Enumerable.Repeat(baseRate, arms).ToArray(), lookEvery, maxPerVariant);

    public static Scenario AB(double baseRate, double uplift, int lookEvery, int maxPerVariant) =>
        new($"A/B +{uplift * 100:0}%", baseRate, new[] { baseRate, baseRate * (1 + uplift) }, lookEvery, maxPerVariant);
}
