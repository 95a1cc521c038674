namespace Klinky.Action.Tests.Fakes;

/// <summary>A pull request comment as the fake GitHub stores it.</summary>
public sealed class FakeComment
{
    public required long Id { get; init; }
    public required string IssueKey { get; init; }
    public required string Login { get; init; }
    public required string Body { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
