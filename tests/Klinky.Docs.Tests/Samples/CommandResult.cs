namespace Klinky.Docs.Tests.Samples;

/// <summary>How a command ended and everything it printed (stdout and stderr, interleaved).</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{(Output.Length <= 6000 ? Output : "...\n" + Output[^6000..])}";
}
