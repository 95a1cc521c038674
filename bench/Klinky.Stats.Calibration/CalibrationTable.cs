using System.Globalization;

namespace Klinky.Stats.Calibration;

/// <summary>Runs cells, prints each as a row as it finishes (new rule and old rule side by side), then checks the targets.</summary>
internal sealed class CalibrationTable
{
    private readonly int _experiments;
    private readonly List<(Scenario Scenario, IReadOnlyList<CellResult> Results)> _rows = new();
    private bool _headerShown;

    public CalibrationTable(int experiments) => _experiments = experiments;

    public void Add(Scenario scenario, IReadOnlyList<IDecisionRule> rules)
    {
        if (!_headerShown)
        {
            Console.WriteLine("winner = share of experiments that ever declare a winner; wrong = a winner that is not the truly best variant;");
            Console.WriteLine("median n = median visitors per variant at the decision (experiments that decided)");
            Console.WriteLine();
            Console.WriteLine($"{"scenario",-12} {"base",5} {"looks",-16} | {"always-valid: winner",20} {"wrong",6} {"median n",8} | {"old P(best): winner",19} {"wrong",6} {"median n",8}");
            Console.WriteLine(new string('-', 113));
            _headerShown = true;
        }

        var results = Simulation.Run(scenario, rules, _experiments, StableSeed(scenario));
        _rows.Add((scenario, results));
        var looks = scenario.LookEvery == 1 ? $"every visitor..{scenario.MaxPerVariant / 1000}k" : $"every {scenario.LookEvery}..{scenario.MaxPerVariant / 1000}k";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{scenario.Name,-12} {scenario.BaseRate,5:0%} {looks,-16} | {Percent(results[0].DeclaredShare),20} {Percent(results[0].WrongShare),6} {Visitors(results[0]),8} | {Percent(results[1].DeclaredShare),19} {Percent(results[1].WrongShare),6} {Visitors(results[1]),8}"));
    }

    /// <summary>The verdict's targets, for the always-valid rule; prints each with its figure. True when one is missed.</summary>
    public bool CheckTargets(TextWriter output)
    {
        var missed = false;
        output.WriteLine();
        output.WriteLine("targets (always-valid rule):");
        foreach (var (scenario, results) in _rows.Where(r => r.Scenario.TrueBest is null && r.Scenario.LookEvery == 100))
        {
            missed |= Check(output, $"{scenario.Name} at {scenario.BaseRate:0%}, a look every 100: false winners <= 5%", results[0].DeclaredShare, x => x <= 0.05);
        }

        foreach (var (scenario, results) in _rows.Where(r => r.Scenario.TrueBest is not null && r.Scenario.LookEvery == 100 && r.Scenario.BaseRate == 0.05 && r.Scenario.Name == "A/B +30%"))
        {
            missed |= Check(output, "A/B +30% at 5% by 10,000 per variant: power >= 90%", results[0].RightShare, x => x >= 0.90);
            missed |= Check(output, "A/B +30% at 5% by 10,000 per variant: wrong winner <= 1%", results[0].WrongShare, x => x <= 0.01);
        }

        return missed;
    }

    private static bool Check(TextWriter output, string what, double value, Func<double, bool> met)
    {
        var ok = met(value);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(ok ? "met   " : "MISSED")} {what}: {value:0.0%}"));
        return !ok;
    }

    // string.GetHashCode is randomised per process; the seed must not be.
    private static int StableSeed(Scenario scenario) =>
        (int)(scenario.BaseRate * 1_000_000) ^ (scenario.Rates.Count * 7919) ^ (int)(scenario.Rates[^1] * 1_000_003) ^ (scenario.LookEvery * 104_729);

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Visitors(CellResult result) =>
        result.MedianVisitorsToDecision is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "—";
}
