using Klinky.Testing;

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

    public static async Task<(int ExitCode, string Output)> RunAsync(string package, params string[] arguments)
    {
        if (!Pinned.TryGetValue(package, out var version))
        {
            throw new ArgumentException($"npm tool {package} has no pinned version in Npx", nameof(package));
        }

        // Not a skip: the lint is part of the suite, so a machine without Node fails here, saying why.
        var run = await ToolRun.RunAsync("npx", ["--yes", $"{package}@{version}", .. arguments], new ToolRunOptions
        {
            Environment = new Dictionary<string, string?> { ["NO_UPDATE_NOTIFIER"] = "1" },
            Timeout = TimeSpan.FromMinutes(3),
            InstallHint = "npx (Node.js) is needed to lint the action's Dockerfile and action.yml",
        });
        return (run.ExitCode, run.Output + run.Errors);
    }
}
