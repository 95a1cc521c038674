namespace Klinky.Testing.GitHub;

/// <summary>A commit status as the fake received it.</summary>
public sealed record FakeStatus(string Repository, string Sha, string State, string Context, string? Description, string? TargetUrl);
