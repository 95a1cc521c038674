namespace Klinky.Testing.Action;

/// <summary>What one run of the action process left behind on its console.</summary>
public sealed record ActionResult(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
