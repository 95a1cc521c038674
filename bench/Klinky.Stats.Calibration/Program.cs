using System.Diagnostics;
using System.Globalization;
using Klinky.Stats.Calibration;

// bench/run.sh runs this with no arguments: 1,000 seeded experiments per cell. --experiments N changes that;
// --every-visitor-only / --every-100-only run one half. Exit code 1 when a target of the verdict is missed.
var experiments = ArgValue("--experiments") ?? 1000;
var stopwatch = Stopwatch.StartNew();
if (!args.Contains("--legacy"))
{
    // The verdict's cells (any weights, five arms, a weight change, sample-ratio faults, pushes): the new verdict beside today's rule, on the same seeded data. --cells-experiments N scales them.
    var big = ArgValue("--cells-experiments") ?? 4000;
    var small = Math.Max(100, big / 4);
    var cells = new VerdictTable();
    Console.WriteLine("winner/wrong = share of experiments that ever declare a winner / a wrong one; flips = share of the significant ones");
    Console.WriteLine("that later show a look without that verdict (a withheld verdict or a restart counts too); SRM = share ever flagged;");
    Console.WriteLine("uplift miss = share whose uplift interval ever misses the true uplift");
    Console.WriteLine();
    var run = 0;
    void Cell(VerdictCell cell) => cells.Cell(cell, 19_000 + (run++ * 7919));
    Cell(VerdictCell.AA("A/A on 5%, 50/50", 0.05, new[] { 50, 50 }, big));
    Cell(VerdictCell.AA("A/A on 5%, 10/90", 0.05, new[] { 10, 90 }, big));
    Cell(VerdictCell.AA("A/A on 5%, 10/90, small arm to 10,000", 0.05, new[] { 10, 90 }, big) with { LookEveryTotal = 1_000, MaxTotal = 100_000 });
    Cell(VerdictCell.AA("A/A on 5%, 20/80", 0.05, new[] { 20, 80 }, big));
    Cell(VerdictCell.AA("A/A/A/A/A on 5%, 5 arms", 0.05, new[] { 20, 20, 20, 20, 20 }, big));
    Cell(VerdictCell.AA("A/A on 5%, 50/50 then 20/80", 0.05, new[] { 50, 50 }, big) with { LaterWeights = new[] { 20, 80 } });
    Cell(VerdictCell.AA("A/A on 5%, 50/50 served 47.5/52.5", 0.05, new[] { 50, 50 }, big) with { Served = new[] { 0.475, 0.525 } });
    Cell(new VerdictCell("A/B +30% on 5%, 50/50", new[] { 0.05, 0.065 }, new[] { 50, 50 }, new[] { 0.5, 0.5 }, 200, 20_000, small));
    Cell(new VerdictCell("A/B +20% on 5%, 10/90", new[] { 0.05, 0.06 }, new[] { 10, 90 }, new[] { 0.1, 0.9 }, 200, 20_000, small));
    Cell(new VerdictCell("A/B +20% on 5%, pushes every 1,000", new[] { 0.05, 0.06 }, new[] { 50, 50 }, new[] { 0.5, 0.5 }, 1000, 20_000, small) { Pushes = true });
    cells.Planning(0.05, 0.20, new[] { 10, 90 }, small, 1_019);
    cells.Planning(0.05, 0.20, new[] { 50, 50 }, small, 1_020);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalSeconds:0} s on {Environment.ProcessorCount} cores"));
    return cells.Report(Console.Out) ? 1 : 0;
}

var runHundreds = !args.Contains("--every-visitor-only");
var runVisitors = !args.Contains("--every-100-only");
var rules = new IDecisionRule[] { new AlwaysValidRule(Simulation.Threshold), new ProbabilityToBeBestRule(Simulation.Threshold) };
var table = new CalibrationTable(experiments);

if (runHundreds)
{
    foreach (var baseRate in new[] { 0.01, 0.05, 0.20 })
    {
        table.Add(Scenario.AA(baseRate, 2, 100, 10_000), rules);
        table.Add(Scenario.AA(baseRate, 3, 100, 10_000), rules);
        foreach (var uplift in new[] { 0.10, 0.20, 0.30, 0.50 })
        {
            table.Add(Scenario.AB(baseRate, uplift, 100, 10_000), rules);
        }
    }
}

if (runVisitors)
{
    // A look after every visitor: what the emulator's auto-winner and a report refreshed on every click amount to.
    foreach (var baseRate in new[] { 0.05, 0.20 })
    {
        table.Add(Scenario.AA(baseRate, 2, 1, 2_000), rules);
        table.Add(Scenario.AA(baseRate, 3, 1, 2_000), rules);
        table.Add(Scenario.AB(baseRate, 0.30, 1, 2_000), rules);
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{experiments:N0} seeded experiments per cell, {stopwatch.Elapsed.TotalSeconds:0} s"));
var missed = table.CheckTargets(Console.Out);
return missed ? 1 : 0;

int? ArgValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : null;
}
