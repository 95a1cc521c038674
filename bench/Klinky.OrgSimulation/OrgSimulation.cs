using System.Net.Http.Json;
using System.Text.Json;
using Klinky.Reporting;
using Klinky.Testing;

namespace Klinky.OrgSimulation;

/// <summary>
/// One load against a fresh emulator with the compressed window: a seeded schedule of pushes over the organisation's
/// repositories, each push running the build step then the report, all on one shared key, at most
/// <see cref="SimulationOptions.Concurrency"/> at a time.
/// </summary>
public static class OrgSimulation
{
    public static async Task<SimulationRow> RunAsync(SimulationOptions options, double load, string gitHubApiUrl, string gitHubToken, CancellationToken cancellationToken = default)
    {
        var key = EmulatorProcess.NewApiKey();
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { ApiKeys = new[] { key }, RateLimit = $"{options.Budget}/{options.WindowSeconds}s" });
        await using var proxy = await CountingProxy.StartAsync(emulator.RootUrl);
        var baseUrl = proxy.Url + "/api/v1";
        var keyVariable = "KLINKY_SIM_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(keyVariable, key);
        var stateFolder = Directory.CreateTempSubdirectory("klinky-sim-obj-").FullName;
        try
        {
            var schedule = Schedule(options, load);
            var started = DateTimeOffset.UtcNow;
            using var gate = new SemaphoreSlim(options.Concurrency);
            using var github = new HttpClient();
            github.DefaultRequestHeaders.UserAgent.ParseAdd("klinky-org-simulation");
            github.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", gitHubToken);
            var pushes = schedule.Select(async push =>
            {
                var due = started + push.At - DateTimeOffset.UtcNow;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await PushAsync(push, options, stateFolder, baseUrl, keyVariable, key, gitHubApiUrl, gitHubToken, github, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            var results = await Task.WhenAll(pushes);
            var ages = results.Where(r => r.Age is not null).Select(r => r.Age!.Value).Order().ToList();
            var buildRequests = results.Length == 0 ? 0 : (proxy.Counted - results.Sum(r => Math.Max(0, r.ReportRequests))) / (double)results.Length;
            return new SimulationRow(
                load,
                results.Length,
                results.Count(r => r.Failed),
                proxy.TooManyRequests,
                results.Count(r => r.NeededLink && !r.LinkCreated),
                results.Count(r => r.Age is null),
                ages.Count == 0 ? TimeSpan.Zero : ages[ages.Count / 2],
                ages.Count == 0 ? TimeSpan.Zero : ages[^1],
                results.Length == 0 ? 0 : proxy.Counted / (double)results.Length,
                buildRequests + 2);
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVariable, null);
            Directory.Delete(stateFolder, recursive: true);
        }
    }

    private sealed record Push(TimeSpan At, int PullRequest, bool Opens);

    private sealed record PushResult(bool Failed, bool NeededLink, bool LinkCreated, TimeSpan? Age, long ReportRequests);

    /// <summary>
    /// The seeded schedule: bursts of 1 to 5 pushes a second or two apart (a developer pushing fix-ups), spread over the
    /// windows, each burst to a repository's open pull request or, at <see cref="SimulationOptions.NewPullRequestShare"/>, a new one.
    /// </summary>
    private static List<Push> Schedule(SimulationOptions options, double load)
    {
        var random = new Random(options.Seed + (int)(load * 100));
        var count = (int)Math.Round(load * options.CarriedPushesPerWindow * options.Windows);
        var span = TimeSpan.FromSeconds(options.WindowSeconds * options.Windows);
        var open = Enumerable.Range(0, options.Repositories).Select(r => (r + 1) * 1000 + 1).ToArray();
        var used = new HashSet<int>();
        var pushes = new List<Push>();
        while (pushes.Count < count)
        {
            var repository = random.Next(options.Repositories);
            if (used.Contains(open[repository]) && random.NextDouble() < options.NewPullRequestShare)
            {
                open[repository]++;
            }

            var at = span * random.NextDouble();
            var burst = Math.Min(count - pushes.Count, random.Next(1, 6));
            for (var k = 0; k < burst; k++)
            {
                used.Add(open[repository]);
                pushes.Add(new Push(at, open[repository], false));
                at += TimeSpan.FromSeconds(1 + random.NextDouble());
            }
        }

        // A pull request opens with its first push in time (bursts are drawn out of order), whose build creates the link.
        var opened = new HashSet<int>();
        return pushes.OrderBy(p => p.At).Select(p => p with { Opens = opened.Add(p.PullRequest) }).ToList();
    }

    private static async Task<PushResult> PushAsync(Push push, SimulationOptions options, string stateFolder, string baseUrl, string keyVariable, string key, string gitHubApiUrl, string gitHubToken, HttpClient github, CancellationToken cancellationToken)
    {
        // The job's workspace; the runner keeps the pull request's obj/ between jobs (a CI cache), restored here. MSBuild
        // skips the upsert target when its state file is newer than the (unchanged) request file, so the manifest stays.
        var workspace = Directory.CreateTempSubdirectory("klinky-sim-job-").FullName;
        try
        {
            var obj = Path.Combine(workspace, "obj", "Release", "net10.0");
            var cache = Path.Combine(stateFolder, push.PullRequest.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(obj);
            if (!options.FreshMachines)
            {
                CopyFiles(cache, obj);
            }

            var stateFile = Path.Combine(obj, "klinky.state.txt");
            var skipped = File.Exists(stateFile);
            var build = skipped
                ? (Succeeded: true, Completed: true, Warnings: (IReadOnlyList<string>)Array.Empty<string>())
                : await Task.Run(() => BuildStep.Run(baseUrl, keyVariable, push.PullRequest, stateFile, Path.Combine(obj, "klinky-links.json")), cancellationToken);
            if (!skipped && File.Exists(stateFile))
            {
                CopyFiles(obj, cache);
            }

            return await ReportAsync(push, options, workspace, build, baseUrl, key, gitHubApiUrl, gitHubToken, github, cancellationToken);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static async Task<PushResult> ReportAsync(Push push, SimulationOptions options, string workspace, (bool Succeeded, bool Completed, IReadOnlyList<string> Warnings) build, string baseUrl, string key, string gitHubApiUrl, string gitHubToken, HttpClient github, CancellationToken cancellationToken)
    {
        var report = await ReportStep.RunAsync(workspace, baseUrl, key, gitHubApiUrl, gitHubToken, push.PullRequest, options);
        var age = await FiguresAgeAsync(github, gitHubApiUrl, push.PullRequest, key, cancellationToken);
        if (options.Trace is { } trace)
        {
            var said = report.Stdout.Split('\n').Where(l => l.Contains("Klinky", StringComparison.Ordinal) && (l.Contains("reported", StringComparison.Ordinal) || l.Contains("notice", StringComparison.Ordinal))).Select(l => l.Trim());
            trace.WriteLine(System.FormattableString.Invariant($"{push.At.TotalSeconds,6:0.0}s pr {push.PullRequest} opens={push.Opens} build={build.Succeeded}/{string.Join(",", build.Warnings.Select(w => w.Split(' ')[0]))} report exit {report.ExitCode} spent {report.KlinkyRequests} age {(age is { } a ? a.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "none")} | {string.Join(" | ", said)}"));
        }
        // Not Completed: two builds of one pull request in a burst race for its state file (KLINKY009), yet the link is there.
        var linkMissing = build.Warnings.Any(w => w.StartsWith("KLINKY002", StringComparison.Ordinal) || w.StartsWith("KLINKY005", StringComparison.Ordinal)
            || w.StartsWith("KLINKY006", StringComparison.Ordinal) || w.StartsWith("KLINKY007", StringComparison.Ordinal));
        return new PushResult(!build.Succeeded || report.ExitCode != 0, push.Opens, !linkMissing, age, report.KlinkyRequests);
    }

    // Each file through a temporary name and a rename: a job of the same pull request may be copying at the same time.
    private static void CopyFiles(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            var temporary = target + "." + Guid.NewGuid().ToString("N");
            File.Copy(file, temporary);
            File.Move(temporary, target, overwrite: true);
        }
    }

    /// <summary>How old the figures the pull request's report comment shows are, now; null when it shows none.</summary>
    private static async Task<TimeSpan?> FiguresAgeAsync(HttpClient github, string apiUrl, int pullRequest, string key, CancellationToken cancellationToken)
    {
        var comments = await github.GetFromJsonAsync<JsonElement>($"{apiUrl}/repos/org/web/issues/{pullRequest}/comments?per_page=100", cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var oldest = comments.EnumerateArray()
            .Select(c => ReportData.Read(c.GetProperty("body").GetString(), key, now).Report?.OldestReadAt)
            .LastOrDefault(a => a is not null);
        return oldest is { } at ? now - at : null;
    }
}
