using Klinky.Ci;

namespace Klinky.Publishing.GitHub;

/// <summary>The pull request to comment on: <c>owner/name#number</c>.</summary>
public sealed record PullRequestRef(string Owner, string Name, int Number)
{
    public GitHubRepository Repository => new(Owner, Name);

    /// <summary>The pull request this run reports on: an explicit number (the <c>pr-number</c> input) wins over the event's own.</summary>
    public static PullRequestRef? FromContext(CiContext context, int? explicitNumber)
    {
        Check.NotNull(context, nameof(context));
        var number = explicitNumber ?? context.PullRequestNumber;
        return number is > 0 && GitHubRepository.TryParse(context.Repository) is { } repository ? repository.PullRequest(number.Value) : null;
    }

    public override string ToString() => $"{Owner}/{Name}#{Number}";
}
