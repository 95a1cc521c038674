namespace Klinky.Testing.GitHub;

/// <summary>A pull request or commit comment as the fake GitHub stores it (<see cref="IssueKey"/> is <c>repo#n</c> or <c>repo@sha</c>).</summary>
public sealed class FakeComment
{
    public required long Id { get; init; }
    public required string IssueKey { get; init; }
    public required string Login { get; init; }
    public required string Body { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Hidden through GraphQL's <c>minimizeComment</c>, with its classifier.</summary>
    public string? MinimizedAs { get; set; }

    public string NodeId => "IC_" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
