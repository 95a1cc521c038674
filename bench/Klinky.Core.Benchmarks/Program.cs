using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Klinky.Benchmarks;

// A short job keeps the run to a couple of minutes on a shared 2-core machine; medians and the ratio are what we read.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(256).WithUnrollFactor(1))
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Percentage))
    .WithOptions(ConfigOptions.DisableLogFile);

var summaries = BenchmarkRunner.Run(new[] { typeof(EmulatorBenchmarks), typeof(CannedServerBenchmarks), typeof(StatsComputeBenchmarks) }, config, args);

Console.WriteLine();
Console.WriteLine("Klinky.Core overhead (target: core median at most 10% above the bare call's, against a local server)");
foreach (var summary in summaries)
{
    var reports = summary.Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
    if (reports.TryGetValue("BareHttpClient", out var bare) && reports.TryGetValue("KlinkyCore", out var core)
        && bare.ResultStatistics is { } b && core.ResultStatistics is { } c)
    {
        var server = summary.BenchmarksCases.First().Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal);
        Console.WriteLine(
            $"  {server,-14} core {c.Median / 1000,7:0.0} us  bare {b.Median / 1000,7:0.0} us  overhead {(c.Median / b.Median) - 1,7:+0.0%;-0.0%}  " +
            $"alloc core {core.GcStats.GetBytesAllocatedPerOperation(core.BenchmarkCase),6} B  bare {bare.GcStats.GetBytesAllocatedPerOperation(bare.BenchmarkCase),6} B");
    }
}

Console.WriteLine();
Console.WriteLine("Stats object, five variants of 1,000,000 clicks each (target: well under 1 ms)");
foreach (var summary in summaries)
{
    var reports = summary.Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
    if (reports.TryGetValue("Compute", out var compute) && reports.TryGetValue("PosteriorsOnly", out var posteriors)
        && compute.ResultStatistics is { } c && posteriors.ResultStatistics is { } p)
    {
        Console.WriteLine(
            $"  Compute {c.Median / 1000,7:0.0} us  posteriors only {p.Median / 1000,7:0.0} us  ratio {c.Median / p.Median,5:0.00}  " +
            $"{(c.Median < 1_000_000 ? "met" : "MISSED")}");
    }
}
