using System.Diagnostics;

namespace Klinky.Action.Tests.Docker;

/// <summary>
/// Runs an npm tool through <c>npx --yes</c> (installed from the npm registry on first use, then cached), at a pinned
/// version: a new release of a linter must not turn a green build red, or change what it checks, unseen.
/// </summary>
public static class Npx
{
    private static readonly Dictionary<string, string> Pinned = new(StringComparer.Ordinal)
    {
        ["dockerfile-utils"] = "0.16.3",
        ["@action-validator/cli"] = "0.6.0",
    };

    public static (int ExitCode, string Output) Run(string package, params string[] arguments)
    {
        if (!Pinned.TryGetValue(package, out var version))
        {
            throw new ArgumentException($"npm tool {package} has no pinned version in Npx", nameof(package));
        }

        var start = new ProcessStartInfo("npx") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--yes");
        start.ArgumentList.Add($"{package}@{version}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // Not a skip: the lint is part of the suite, so a machine without Node fails here, saying why.
            throw new InvalidOperationException("npx (Node.js) is needed to lint the action's Dockerfile and action.yml: " + ex.Message, ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"npx {package} did not finish within 3 minutes");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
