namespace Klinky.Stats.Calibration;

/// <summary>
/// One cell of the verdict's table: true rates (the first is the control), the weights the link declares, the shares it
/// actually serves (a sample-ratio fault when they differ), and optionally a change of both half-way.
/// </summary>
internal sealed record VerdictCell(
    string Name, IReadOnlyList<double> Rates, IReadOnlyList<int> Weights, IReadOnlyList<double> Served, int LookEveryTotal, int MaxTotal, int Experiments)
{
    /// <summary>Weights (declared and served) from half-way on, for the mid-test change; null when they never change.</summary>
    public IReadOnlyList<int>? LaterWeights { get; init; }

    /// <summary>Read through Core's full stats object with the memory carried from push to push (slower; the push cell).</summary>
    public bool Pushes { get; init; }

    public bool IsAA => Rates.All(r => r == Rates[0]);

    public static VerdictCell AA(string name, double rate, int[] weights, int experiments) =>
        new(name, Enumerable.Repeat(rate, weights.Length).ToArray(), weights, Shares(weights), 100 * weights.Length, 10_000 * weights.Length, experiments);

    public static double[] Shares(IReadOnlyList<int> weights) => weights.Select(w => w / (double)weights.Sum()).ToArray();
}
