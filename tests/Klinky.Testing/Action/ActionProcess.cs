using System.Diagnostics;

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
        var start = new ProcessStartInfo(isDll ? "dotnet" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (isDll)
        {
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test itself may run on a GitHub runner: none of its own GITHUB_*, INPUT_* or RUNNER_* may leak in.
        foreach (var name in start.Environment.Keys.Where(IsRunnerVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The action did not finish within 60 s:\n" + await stdout + await stderr);
        }

        return new ActionResult(process.ExitCode, await stdout, await stderr);
    }

    private static bool IsRunnerVariable(string name) =>
        name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("INPUT_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("RUNNER_", StringComparison.OrdinalIgnoreCase) || name is "CI" or "TF_BUILD" or "GITLAB_CI";
}
