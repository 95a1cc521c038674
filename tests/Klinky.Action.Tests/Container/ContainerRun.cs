using Klinky.Action.Tests.EndToEnd;
using Klinky.Testing;

namespace Klinky.Action.Tests.Container;

/// <summary>
/// Runs the action's image with the machine's engine (<c>KLINKY_CONTAINER_ENGINE</c>: docker or podman) exactly as GitHub's runner runs a docker action (actions/runner,
/// <c>DockerCommandManager.DockerRun</c>): <c>--workdir /github/workspace --rm</c>, every variable passed by name
/// only (<c>-e INPUT_API-KEY</c>, so no value is on a command line), <c>GITHUB_ACTIONS=true</c>, and the runner's
/// folders mounted under <c>/github</c>, with the event file and the file-command files inside them.
/// Two deliberate differences: the host network, so the container reaches the emulator and the fake GitHub on
/// loopback (the runner uses a bridge network with real hosts), and <c>--pull=never</c>, since the image is built locally.
/// </summary>
public static class ContainerRun
{
    public static string? Image => Environment.GetEnvironmentVariable("KLINKY_ACTION_IMAGE");

    /// <summary>docker or podman, as <c>.ci/container.sh env</c> printed it for the image under test.</summary>
    public static string Engine => Environment.GetEnvironmentVariable("KLINKY_CONTAINER_ENGINE") is { Length: > 0 } engine ? engine : "podman";

    /// <summary>The engine's arguments of the last run, to check that no secret value was among them.</summary>
    public static IReadOnlyList<string> LastArguments { get; private set; } = Array.Empty<string>();

    public static async Task<ActionResult> RunAsync(RunnerSandbox sandbox, params string[] arguments)
    {
        // The sandbox keeps the event and the file-command files beside the workspace; mounted as the runner's
        // folders, the container sees them at the runner's paths.
        var root = Path.GetDirectoryName(sandbox.EventPath)!;
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        var temp = Directory.CreateDirectory(Path.Combine(root, "runner_temp")).FullName;
        var environment = new Dictionary<string, string?>(sandbox.Environment)
        {
            ["HOME"] = "/github/home",
            ["RUNNER_TEMP"] = "/github/runner_temp",
            ["GITHUB_WORKSPACE"] = "/github/workspace",
            ["GITHUB_EVENT_PATH"] = "/github/workflow/" + Path.GetFileName(sandbox.EventPath),
            ["GITHUB_OUTPUT"] = "/github/file_commands/" + Path.GetFileName(sandbox.OutputPath),
            ["GITHUB_STEP_SUMMARY"] = "/github/file_commands/" + Path.GetFileName(sandbox.SummaryPath),
        };

        var name = "klinky-test-" + Guid.NewGuid().ToString("N")[..12];
        var podman = new List<string> { "run", "--name", name, "--label", "klinky-tests" };
        if (Environment.GetEnvironmentVariable(ToolRun.TestRunMark) is { Length: > 0 } mark)
        {
            // The run's mark, as a label: a container outlives a killed engine client, and .ci/stray-processes.sh lists
            // the run's containers still running at its end as it lists its processes.
            podman.AddRange(["--label", $"{ToolRun.TestRunMark}={mark}"]);
        }

        podman.AddRange(["--workdir", "/github/workspace", "--rm", "--pull=never", "--network", "host"]);
        foreach (var variable in environment.Keys)
        {
            podman.AddRange(["-e", variable]);
        }

        podman.AddRange(["-e", "GITHUB_ACTIONS=true"]);
        podman.AddRange(["-v", $"{temp}:/github/runner_temp", "-v", $"{home}:/github/home", "-v", $"{root}:/github/workflow"]);
        podman.AddRange(["-v", $"{root}:/github/file_commands", "-v", $"{sandbox.Workspace}:/github/workspace"]);
        podman.Add(Image ?? throw new InvalidOperationException("KLINKY_ACTION_IMAGE is not set"));
        podman.AddRange(arguments);
        LastArguments = podman;
        try
        {
            var run = await ToolRun.RunAsync(Engine, podman, new ToolRunOptions
            {
                Remove = n => n.StartsWith("INPUT_", StringComparison.Ordinal) || n.StartsWith("GITHUB_", StringComparison.Ordinal),
                Environment = environment,

                // A deadline for a hang: a run takes seconds, even on a loaded machine.
                Timeout = TimeSpan.FromMinutes(4),
            });
            return new ActionResult(run.ExitCode, run.Output, run.Errors);
        }
        catch (TimeoutException)
        {
            // Killing the engine's client does not stop the container it started: remove it by name.
            await ToolRun.RunAsync(Engine, ["rm", "--force", name]);
            throw;
        }
    }
}
