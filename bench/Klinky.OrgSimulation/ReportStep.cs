using System.Globalization;
using Klinky.Testing;
using Klinky.Testing.Action;

namespace Klinky.OrgSimulation;

/// <summary>
/// The real action: the published <c>artifacts/action/Klinky.Action</c> as a process, on a pull_request event, in the job's
/// workspace after the build (its manifest is where Klinky.Build writes it by default), reporting the pull request's link
/// by its slug (a listing and a stats read before the budget work: the "today's" the table compares with).
/// </summary>
public static class ReportStep
{
    public sealed record Outcome(int ExitCode, string Stdout, long KlinkyRequests);

    /// <param name="root">The job's workspace (the build's <c>obj/</c> is in it); the caller deletes it.</param>
    public static async Task<Outcome> RunAsync(string root, string baseUrl, string apiKey, string gitHubApiUrl, string gitHubToken, int pullRequest, SimulationOptions options)
    {
        {
            var eventPath = Path.Combine(root, "event.json");
            var output = Path.Combine(root, "output");
            var number = pullRequest.ToString(CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(eventPath, "{\"action\":\"synchronize\",\"number\":" + number + ",\"pull_request\":{\"number\":" + number
                + ",\"head\":{\"sha\":\"" + new string('a', 40) + "\",\"repo\":{\"full_name\":\"org/web\",\"fork\":false}},\"base\":{\"repo\":{\"full_name\":\"org/web\"}}},\"repository\":{\"full_name\":\"org/web\"}}");
            await File.WriteAllTextAsync(output, "");
            var environment = new Dictionary<string, string?>
            {
                ["CI"] = "true",
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_REPOSITORY"] = "org/web",
                ["GITHUB_EVENT_NAME"] = "pull_request",
                ["GITHUB_EVENT_PATH"] = eventPath,
                ["GITHUB_REF"] = $"refs/pull/{pullRequest}/merge",
                ["GITHUB_OUTPUT"] = output,
                ["GITHUB_STEP_SUMMARY"] = Path.Combine(root, "summary"),
                ["GITHUB_WORKSPACE"] = root,
                ["GITHUB_API_URL"] = gitHubApiUrl,
                ["INPUT_API-KEY"] = apiKey,
                ["INPUT_BASE-URL"] = baseUrl,
                ["INPUT_GITHUB-TOKEN"] = gitHubToken,
                ["INPUT_LINKS"] = $"home-pr{pullRequest}",
                ["INPUT_REFRESH-AFTER"] = (options.RefreshAfter.TotalMinutes).ToString("0.####", CultureInfo.InvariantCulture),
                ["INPUT_BUDGET-RESERVE"] = options.Reserve.ToString(CultureInfo.InvariantCulture),
                ["INPUT_CHART"] = "none",
            };
            // The published program as the tests run it (the Native AOT executable; KLINKY_ACTION_DLL may name a .dll).
            var result = await ActionProcess.RunAsync(environment, root);
            var outputs = await File.ReadAllTextAsync(output);
            var requests = ReadOutput(outputs, "klinky-requests");
            return new Outcome(result.ExitCode, result.All, long.TryParse(requests, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);
        }
    }

    // name<<DELIMITER, value lines, DELIMITER: the runner's multi-line output format.
    private static string? ReadOutput(string file, string name)
    {
        var lines = file.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(name + "<<", StringComparison.Ordinal));
        return at < 0 || at + 1 >= lines.Length ? null : lines[at + 1];
    }
}
