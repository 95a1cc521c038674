namespace Klinky.Build.Tests.Packaging;

/// <summary>Exit code and everything a <c>dotnet</c> command printed.</summary>
internal sealed record DotnetResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}
