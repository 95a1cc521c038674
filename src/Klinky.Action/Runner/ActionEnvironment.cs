namespace Klinky.Action.Runner;

/// <summary>Everything the action reads from its process: variables, working directory, console, arguments.</summary>
internal sealed class ActionEnvironment
{
    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    public required string WorkingDirectory { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary><c>--dry-run</c>: print the Markdown and touch nothing on GitHub.</summary>
    public bool DryRun { get; init; }

    /// <summary>On a GitHub runner (<c>GITHUB_ACTIONS=true</c>): workflow commands are understood there.</summary>
    public bool OnGitHub => Ci.GitHubStepFiles.IsGitHubActions(Get);

    public string? Get(string name) => Variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static IReadOnlyDictionary<string, string?> ProcessVariables() => ProcessEnvironment.Snapshot();
}
