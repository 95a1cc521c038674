namespace Klinky.Ci;

/// <summary>The CI system a process runs under, as far as its environment tells.</summary>
internal enum CiProvider
{
    /// <summary>Not running in CI.</summary>
    None,
    GitHubActions,
    AzurePipelines,
    GitLabCi,

    /// <summary><c>CI=true</c> without a system we know: nothing beyond the fact itself is read.</summary>
    Generic,
}
