using System.Diagnostics;
using System.Globalization;
using Klinky.Stats.Calibration;

// bench/run.sh runs this with no arguments: 1,000 seeded experiments per cell. --experiments N changes that;
// --every-visitor-only / --every-100-only run one half. Exit code 1 when a target of the verdict is missed.
var experiments = ArgValue("--experiments") ?? 1000;
var runHundreds = !args.Contains("--every-visitor-only");
var runVisitors = !args.Contains("--every-100-only");
var rules = new IDecisionRule[] { new AlwaysValidRule(Simulation.Threshold), new ProbabilityToBeBestRule(Simulation.Threshold) };
var table = new CalibrationTable(experiments);
var stopwatch = Stopwatch.StartNew();

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
