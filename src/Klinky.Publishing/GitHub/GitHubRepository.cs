namespace Klinky.Publishing.GitHub;

/// <summary>A GitHub repository, <c>owner/name</c> as <c>GITHUB_REPOSITORY</c> spells it.</summary>
public sealed record GitHubRepository(string Owner, string Name)
{
    /// <summary>Null when <paramref name="repository"/> is not <c>owner/name</c>.</summary>
    public static GitHubRepository? TryParse(string? repository)
    {
        var parts = repository?.Split('/');
        return parts is { Length: 2 } && parts[0].Length > 0 && parts[1].Length > 0 ? new GitHubRepository(parts[0], parts[1]) : null;
    }

    public PullRequestRef PullRequest(int number) => new(Owner, Name, number);

    public override string ToString() => $"{Owner}/{Name}";
}
