namespace Klinky.Publishing.Tests.Fakes;

/// <summary>An injected answer for the next request: a status and its headers (Retry-After for a rate limit).</summary>
public sealed record FakeFailure(int Status, IReadOnlyList<(string Name, string Value)> Headers);
