using System.Text.Json.Nodes;
using Xunit;

namespace Klinky.Testing.Action;

/// <summary>
/// A runner-like environment for one action run: a workspace, the event payload at GITHUB_EVENT_PATH, empty
/// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and every declared input set to its default, as the runner does.
/// </summary>
public sealed class RunnerSandbox : IDisposable
{
    public const string Repository = "Codertocat/Hello-World";

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["api-key"] = "",
        ["base-url"] = "https://klinky-api.fly.dev/api/v1",
        ["github-token"] = "",
        ["links"] = "",
        ["slug-prefix"] = "",
        ["manifest"] = "",
        ["comment-key"] = "default",
        ["comment-mode"] = "update",
        ["minimum-effect"] = "",
        ["chart"] = "both",
        ["job-summary"] = "true",
        ["fail-on-comment-error"] = "false",
        ["status"] = "false",
        ["pr-number"] = "",
        ["no-pull-request"] = "summary",
        ["github-rate-limit-wait"] = "60",
        ["refresh-after"] = "10",
        ["budget-reserve"] = "20",
        ["fail-on-stale"] = "false",
        ["on-close"] = "deactivate",
    };

    private readonly string _root;

    public RunnerSandbox(string? gitHubApiUrl, string eventName, string eventJson)
    {
        _root = Directory.CreateTempSubdirectory("klinky-action-").FullName;
        Workspace = Directory.CreateDirectory(Path.Combine(_root, "workspace")).FullName;
        RunnerTemp = Directory.CreateDirectory(Path.Combine(_root, "runner_temp")).FullName;
        EventPath = Path.Combine(_root, "event.json");
        OutputPath = Path.Combine(_root, "output");
        SummaryPath = Path.Combine(_root, "summary");
        File.WriteAllText(EventPath, eventJson);
        File.WriteAllText(OutputPath, "");
        File.WriteAllText(SummaryPath, "");
        Environment = new Dictionary<string, string?>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = Repository,
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = EventPath,
            ["GITHUB_OUTPUT"] = OutputPath,
            ["GITHUB_STEP_SUMMARY"] = SummaryPath,
            ["GITHUB_WORKSPACE"] = Workspace,
            ["RUNNER_TEMP"] = RunnerTemp,
            ["GITHUB_SHA"] = "1111111111111111111111111111111111111111",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = gitHubApiUrl,
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_RUN_ATTEMPT"] = "1",
        };
        foreach (var (name, value) in Defaults)
        {
            Environment["INPUT_" + name.ToUpperInvariant()] = value;
        }
    }

    public string Workspace { get; }

    /// <summary>The runner's temp folder (<c>RUNNER_TEMP</c>, <c>${{ runner.temp }}</c>), emptied by the runner after the job.</summary>
    public string RunnerTemp { get; }
    public string EventPath { get; }
    public string OutputPath { get; }
    public string SummaryPath { get; }
    public Dictionary<string, string?> Environment { get; }

    /// <summary>A <c>pull_request</c> payload (GitHub's fixture) for PR <paramref name="number"/>; <paramref name="fork"/> moves its head to another repository.</summary>
    public static string PullRequestEvent(int number, bool fork = false, string action = "synchronize")
    {
        var root = JsonNode.Parse(GitHubEvents.Read("pull_request.synchronize"))!.AsObject();
        root["number"] = number;
        root["action"] = action;
        var pullRequest = root["pull_request"]!.AsObject();
        pullRequest["number"] = number;
        if (fork)
        {
            var headRepo = pullRequest["head"]!["repo"]!.AsObject();
            headRepo["full_name"] = "forker/Hello-World";
            headRepo["fork"] = true;
            headRepo["owner"]!["login"] = "forker";
        }

        return root.ToJsonString();
    }

    public static string Fixture(string name) => GitHubEvents.Read(name);

    public RunnerSandbox WithInput(string name, string value)
    {
        Environment["INPUT_" + name.ToUpperInvariant()] = value;
        return this;
    }

    public Task<ActionResult> RunAsync(params string[] arguments) => ActionProcess.RunAsync(Environment, Workspace, arguments);

    /// <summary>
    /// The outputs written to GITHUB_OUTPUT, decoded from their heredoc blocks; every block must have its own random
    /// delimiter (a fixed one would let a value end its block and set other outputs).
    /// </summary>
    public IReadOnlyDictionary<string, string> ReadOutputs()
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var delimiters = new HashSet<string>(StringComparer.Ordinal);
        var lines = File.ReadAllText(OutputPath).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (marker <= 0)
            {
                continue;
            }

            var name = lines[i][..marker];
            var delimiter = lines[i][(marker + 2)..];
            Assert.True(delimiter.Length >= 32 && delimiters.Add(delimiter), $"output {name} reuses or has a guessable delimiter '{delimiter}'");
            var end = Array.IndexOf(lines, delimiter, i + 1);
            Assert.True(end > i, $"output {name} has no closing delimiter");
            outputs[name] = string.Join('\n', lines[(i + 1)..end]);
            i = end;
        }

        return outputs;
    }

    public string ReadSummary() => File.ReadAllText(SummaryPath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
