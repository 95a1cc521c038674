using Klinky.Ci;

namespace Klinky.Action.Comments;

/// <summary>The pull request to comment on: <c>owner/name#number</c>.</summary>
internal sealed record PullRequestRef(string Owner, string Name, int Number)
{
    /// <summary>From <c>GITHUB_REPOSITORY</c>'s <c>owner/name</c>; null when it is not in that form.</summary>
    public static PullRequestRef? TryCreate(string? repository, int? number)
    {
        var parts = repository?.Split('/');
        return parts is [{ Length: > 0 } owner, { Length: > 0 } name] && number is > 0 ? new PullRequestRef(owner, name, number.Value) : null;
    }

    /// <summary>The pull request this run reports on: the <c>pr-number</c> input wins over the event's own pull request.</summary>
    public static PullRequestRef? FromContext(CiContext context, int? explicitNumber)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TryCreate(context.Repository, explicitNumber ?? context.PullRequestNumber);
    }

    public override string ToString() => $"{Owner}/{Name}#{Number}";
}
