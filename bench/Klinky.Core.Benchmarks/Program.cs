using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Klinky.Benchmarks;

// A short job keeps the run to about a minute on a shared 2-core machine; medians and the ratio are what we read.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(512).WithUnrollFactor(1))
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Percentage))
    .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
var summary = BenchmarkRunner.Run<CoreOverheadBenchmarks>(config, args);

var reports = summary.Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
if (reports.TryGetValue("BareHttpClient", out var bare) && reports.TryGetValue("KlinkyCore", out var core)
    && bare.ResultStatistics is { } b && core.ResultStatistics is { } c)
{
    var overhead = (c.Median / b.Median) - 1;
    Console.WriteLine();
    Console.WriteLine($"core overhead: median {c.Median / 1000:0.0} us vs bare {b.Median / 1000:0.0} us = {overhead:+0.0%;-0.0%} (target <= +10%)");
    Console.WriteLine($"allocations per call: core {core.GcStats.GetBytesAllocatedPerOperation(core.BenchmarkCase)} B, bare {bare.GcStats.GetBytesAllocatedPerOperation(bare.BenchmarkCase)} B");
}
