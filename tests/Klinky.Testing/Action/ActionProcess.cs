namespace Klinky.Testing.Action;

/// <summary>
/// The published action (<c>artifacts/action/Klinky.Action</c>, the Native AOT program the image carries) run as a
/// process, as the runner's container runs it. <c>KLINKY_ACTION_DLL</c> may name another build (a .dll runs on dotnet).
/// </summary>
public static class ActionProcess
{
    public static string DllPath
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("KLINKY_ACTION_DLL");
            var path = !string.IsNullOrEmpty(fromEnv) ? fromEnv : Path.Combine(RepositoryPaths.Artifacts, "action", "Klinky.Action");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The published action is missing at {path}: run ./build.sh (or dotnet publish src/Klinky.Action -c Release -o artifacts/action) first.");
        }
    }

    public static async Task<ActionResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] arguments)
    {
        var program = DllPath;
        var isDll = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var run = await ToolRun.RunAsync(isDll ? "dotnet" : program, isDll ? [program, .. arguments] : arguments, new ToolRunOptions
        {
            WorkingDirectory = workingDirectory,

            // The test itself may run on a GitHub runner: none of its own GITHUB_*, INPUT_* or RUNNER_* may leak in.
            Remove = IsRunnerVariable,
            Environment = new Dictionary<string, string?>(environment) { ["DOTNET_NOLOGO"] = "1" },

            // A deadline for a hang: a run takes seconds, even on a loaded machine.
            Timeout = TimeSpan.FromMinutes(3),
        });
        return new ActionResult(run.ExitCode, run.Output, run.Errors);
    }

    private static bool IsRunnerVariable(string name) =>
        name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("INPUT_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("RUNNER_", StringComparison.OrdinalIgnoreCase) || name is "CI" or "TF_BUILD" or "GITLAB_CI";
}
