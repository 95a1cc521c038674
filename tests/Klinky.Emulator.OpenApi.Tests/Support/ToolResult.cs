namespace Klinky.Emulator.OpenApi.Tests.Support;

/// <summary>How a tool run ended: its exit code and what it printed on each stream.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}
