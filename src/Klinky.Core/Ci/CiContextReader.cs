namespace Klinky.Ci;

/// <summary>
/// Detects the CI provider from environment variables and reads the run's context. Pure: the environment and the
/// file reader are passed in, so every provider is testable on any machine.
/// </summary>
internal static class CiContextReader
{
    /// <summary>Reads the context from <paramref name="environment"/>; never throws for missing or malformed values.</summary>
    /// <param name="environment">Environment variables (names as the provider sets them).</param>
    /// <param name="readFile">Reads GitHub's event payload from <c>GITHUB_EVENT_PATH</c>; <see cref="File.ReadAllText(string)"/> when null. May return null or throw: the payload is then ignored.</param>
    public static CiContext Read(IReadOnlyDictionary<string, string?> environment, Func<string, string?>? readFile = null)
    {
        Guard.NotNull(environment, nameof(environment));
        var env = new CiEnvironment(environment);
        if (GitHubStepFiles.IsGitHubActions(env.Get))
        {
            return GitHubActionsReader.Read(env, readFile ?? File.ReadAllText);
        }

        if (env.IsTrue("TF_BUILD"))
        {
            return AzurePipelinesReader.Read(env);
        }

        if (env.IsTrue("GITLAB_CI"))
        {
            return GitLabCiReader.Read(env);
        }

        return env.IsTrue("CI") ? new CiContext { Provider = CiProvider.Generic } : CiContext.None;
    }

    /// <summary>Reads the context of the current process.</summary>
    public static CiContext FromProcessEnvironment()
    {
        // Windows treats variable names case-insensitively; so do we, on every OS, as the names we read are unambiguous.
        return Read(ProcessEnvironment.Snapshot(StringComparer.OrdinalIgnoreCase));
    }
}
