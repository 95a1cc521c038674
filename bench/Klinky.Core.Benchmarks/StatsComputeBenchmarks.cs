using BenchmarkDotNet.Attributes;
using Klinky.Stats;

namespace Klinky.Benchmarks;

/// <summary>
/// The stats object of a five-variant link with a million clicks per variant, as the emulator's /stats and the client's
/// fallback compute it (target: well under a millisecond), beside its descriptive part alone (the posterior
/// integration behind P(beat control) and P(best)) so the ratio shows what the always-valid verdict adds.
/// </summary>
[MemoryDiagnoser]
public class StatsComputeBenchmarks
{
    private static readonly VariantCounts[] Variants =
    {
        new("control", 20, 1_000_000, 50_000),
        new("b", 20, 1_000_000, 50_600),
        new("c", 20, 1_000_000, 49_800),
        new("d", 20, 1_000_000, 50_100),
        new("e", 20, 1_000_000, 51_000),
    };

    private static readonly (long Clicks, long Conversions)[] Counts = Variants.Select(v => (v.Clicks, v.Conversions)).ToArray();

    [Benchmark(Baseline = true, Description = "posterior probabilities only")]
    public IReadOnlyList<double> PosteriorsOnly() => Statistics.ProbabilitiesToBeBest(Counts);

    [Benchmark(Description = "StatsCalculator.Compute (verdict + descriptive)")]
    public LinkStats Compute() => StatsCalculator.Compute("lnk_bench", Variants, 100, null, DateRange.All);
}
