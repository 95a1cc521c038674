using System.Globalization;
using Klinky.OrgSimulation;

// dotnet Klinky.OrgSimulation.dll [--seed N] [--repos N] [--window SECONDS] [--budget N] [--windows N] [--loads 1,3,10] [--fresh-machines true] [--trace true]
var options = new SimulationOptions();
var loads = new[] { 1.0, 3.0, 10.0 };
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = args[i + 1];
    int Whole() => int.Parse(value, CultureInfo.InvariantCulture);
    options = args[i] switch
    {
        "--seed" => options with { Seed = Whole() },
        "--repos" => options with { Repositories = Whole() },
        "--window" => options with { WindowSeconds = Whole() },
        "--budget" => options with { Budget = Whole() },
        "--windows" => options with { Windows = Whole() },
        "--loads" => options,
        "--fresh-machines" => options with { FreshMachines = value == "true" },
        "--trace" => options with { Trace = value == "true" ? Console.Error : null },
        _ => throw new ArgumentException($"unknown option {args[i]}"),
    };
    if (args[i] == "--loads")
    {
        loads = value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }
}

await using var fake = await FakeGitHubProcess.StartAsync();
var apiUrl = fake.ApiUrl;
{
    Console.WriteLine($"Organisation simulation: {options.Repositories} repositories, a budget of {options.Budget} requests per {options.WindowSeconds} s window (a compressed hour), " +
        $"{options.Windows} windows per load, reserve {options.Reserve}, refresh-after {options.RefreshAfter.TotalSeconds:0.#} s, seed {options.Seed}, " +
        $"{(options.FreshMachines ? "every build on a fresh machine" : "runners keep obj/ (only a pull request's first build spends)")}; " +
        $"1x = {options.CarriedPushesPerWindow} pushes per window (today's {SimulationOptions.TodayRequestsPerPush} requests a push).");
    Console.WriteLine();
    Console.WriteLine("| load | pushes | failed jobs | Klinky 429s | builds without their link | reports without figures | figures' age, median | worst | requests per push | today's |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    var rows = new List<SimulationRow>();
    foreach (var load in loads)
    {
        var row = await OrgSimulation.RunAsync(options, load, apiUrl, "ghs_simulation");
        rows.Add(row);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {row.Load:0.#}x | {row.Pushes} | {row.FailedJobs} | {row.Klinky429} | {row.BuildsWithoutLink} | {row.ReportsWithoutFigures} | {row.MedianAge.TotalSeconds:0} s | {row.WorstAge.TotalSeconds:0} s | {row.RequestsPerPush:0.00} | {row.TodayRequestsPerPush:0.00} |"));
    }

    // The targets (docs/team-scale.md): at 3x, and requests at 1x.
    var bound = TimeSpan.FromSeconds(options.WindowSeconds) + options.RefreshAfter;
    var three = rows.FirstOrDefault(r => r.Load == 3);
    var one = rows.FirstOrDefault(r => r.Load == 1);
    var missed = new List<string>();
    if (three is not null && (three.FailedJobs > 0 || three.Klinky429 > 0 || three.BuildsWithoutLink > 0 || three.ReportsWithoutFigures > 0 || three.WorstAge > bound))
    {
        missed.Add($"at 3x: failed {three.FailedJobs}, 429s {three.Klinky429}, builds without link {three.BuildsWithoutLink}, reports without figures {three.ReportsWithoutFigures}, worst age {three.WorstAge.TotalSeconds:0} s (bound {bound.TotalSeconds:0} s)");
    }

    if (one is not null && one.RequestsPerPush > one.TodayRequestsPerPush / 2)
    {
        missed.Add($"at 1x: {one.RequestsPerPush:0.00} requests per push, more than half of today's {one.TodayRequestsPerPush:0.00}");
    }

    Console.WriteLine();
    Console.WriteLine(missed.Count == 0 ? "targets met" : "targets missed: " + string.Join("; ", missed));
    return missed.Count == 0 ? 0 : 1;
}
