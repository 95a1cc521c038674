namespace Klinky.Publishing.GitHub;

/// <summary>The pull request to comment on: <c>owner/name#number</c>.</summary>
public sealed record PullRequestRef(string Owner, string Name, int Number)
{
    public GitHubRepository Repository => new(Owner, Name);

    /// <summary>
    /// The pull request <paramref name="number"/> of <paramref name="repository"/> (<c>owner/name</c>); null without a
    /// positive number or a repository of that shape. Plain values, not a CI context: that type is internal to each
    /// product (shared source), so it cannot be passed across assemblies.
    /// </summary>
    public static PullRequestRef? For(string? repository, int? number) =>
        number is > 0 && GitHubRepository.TryParse(repository) is { } parsed ? parsed.PullRequest(number.Value) : null;

    public override string ToString() => $"{Owner}/{Name}#{Number}";
}
