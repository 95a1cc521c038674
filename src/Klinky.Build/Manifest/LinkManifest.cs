namespace Klinky.Build.Manifest;

/// <summary>
/// <c>{"links": [...], "pull_request": 42, "commit": "..."}</c>: what a build created or updated, for the GitHub
/// Action and for scripts. Its shape is a contract with the Action; add fields, never rename them.
/// </summary>
internal sealed class LinkManifest
{
    public IReadOnlyList<LinkManifestEntry> Links { get; init; } = Array.Empty<LinkManifestEntry>();
    public int? PullRequest { get; init; }
    public string? Commit { get; init; }
}
