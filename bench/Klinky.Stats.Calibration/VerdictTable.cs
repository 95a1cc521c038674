using System.Globalization;

namespace Klinky.Stats.Calibration;

/// <summary>The verdict's cells and targets, each printed with the new verdict's figure beside today's rule's.</summary>
internal sealed class VerdictTable
{
    private readonly List<(string Target, double New, double? Today, bool Met)> _targets = new();

    public void Cell(VerdictCell cell, int seed)
    {
        var r = VerdictSimulation.Run(cell, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cell.Name,-34} {cell.Experiments,6:N0} | winner {Pct(r.Share(r.NewWinners)),6} wrong {Pct(r.Share(r.NewWrong)),6} flips {Pct(Flip(r.NewFlips, r.NewSignificant)),6} SRM {Pct(r.Share(r.SrmFlags)),6} uplift miss {Pct(r.Share(r.NewMiss)),6}"
            + $" | today: winner {Pct(r.Share(r.TodayWinners)),6} wrong {Pct(r.Share(r.TodayWrong)),6} flips {Pct(Flip(r.TodayFlips, r.TodaySignificant)),6} uplift miss {Pct(r.Share(r.TodayMiss)),6}"));
        if (cell.IsAA)
        {
            var limit = cell.Name.Contains("10/90", StringComparison.Ordinal) ? 0.04 : 0.05;
            Target($"{cell.Name}: false winners <= {limit:0%}", r.Share(r.NewWrong), r.Share(r.TodayWrong), x => x <= limit);
            if (cell.LaterWeights is not null)
            {
                // Two experiments in a row (the change starts a new one), each with its own 1% false-alarm budget.
                Target($"{cell.Name}: SRM false alarms <= 2% (1% per experiment)", r.Share(r.SrmFlags), null, x => x <= 0.02);
            }
            else if (cell.Served.SequenceEqual(VerdictCell.Shares(cell.Weights)))
            {
                Target($"{cell.Name}: SRM false alarms <= 1%", r.Share(r.SrmFlags), null, x => x <= 0.01);
            }
            else
            {
                Target($"{cell.Name}: SRM flagged by 20,000 visitors >= 80%", r.Share(r.SrmFlagsBy20k), null, x => x >= 0.80);
            }
        }
        else
        {
            Target($"{cell.Name}: uplift interval coverage >= 95%", 1 - r.Share(r.NewMiss), 1 - r.Share(r.TodayMiss), x => x >= 0.95);
            if (cell.Name.StartsWith("A/B +30% on 5%, 50/50", StringComparison.Ordinal))
            {
                Target($"{cell.Name}: power by 10,000 per variant >= 90%", r.Share(r.NewWinners - r.NewWrong), r.Share(r.TodayWinners - r.TodayWrong), x => x >= 0.90);
            }
        }

        if (cell.Pushes)
        {
            Target($"{cell.Name}: significant, then not significant again = 0%", Flip(r.NewFlips, r.NewSignificant), Flip(r.TodayFlips, r.TodaySignificant), x => x == 0);
        }
    }

    public void Planning(double rate, double effect, int[] weights, int experiments, int seed)
    {
        var (newTotal, newPower, todayTotal, todayPower) = PlanningCheck.Run(rate, effect, weights, experiments, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"planned sample, +{effect:0%} on {rate:0%}, {weights[0]}/{weights[1]}: {newTotal:N0} visitors -> power {Pct(newPower)} | today: {todayTotal:N0} -> {Pct(todayPower)}"));
        Target($"planned visitors, {weights[0]}/{weights[1]}: power >= 80%", newPower, todayPower, x => x >= 0.80);
    }

    /// <summary>Prints every target with both figures; true when one is missed.</summary>
    public bool Report(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"target",-72} {"new",7} {"today",7}");
        foreach (var (target, value, today, met) in _targets)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(met ? "met    " : "MISSED ")}{target,-65} {Pct(value),7} {(today is { } t ? Pct(t) : "—"),7}"));
        }

        return _targets.Any(t => !t.Met);
    }

    private void Target(string what, double value, double? today, Func<double, bool> met) => _targets.Add((what, value, today, met(value)));

    private static double Flip(int flips, int significant) => significant == 0 ? 0 : flips / (double)significant;

    private static string Pct(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
