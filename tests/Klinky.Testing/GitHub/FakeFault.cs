namespace Klinky.Testing.GitHub;

/// <summary>One injected answer of the fake GitHub (see <see cref="FakeGitHub.FailNext"/>).</summary>
public sealed record FakeFault(string Method, string PathContains, int Status, string Message, IReadOnlyDictionary<string, string> Headers);
