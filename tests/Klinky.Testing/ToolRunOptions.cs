namespace Klinky.Testing;

/// <summary>How <see cref="ToolRun.RunAsync"/> runs a program.</summary>
public sealed class ToolRunOptions
{
    /// <summary>The folder it runs in; the test's current folder when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables set for it on top of the test process's (a null value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Which of the test process's variables it must not see (CI settings of the machine running the tests).</summary>
    public Func<string, bool>? Remove { get; init; }

    /// <summary>What it reads on standard input (closed after it; closed at once when null).</summary>
    public string? Input { get; init; }

    /// <summary>How long it may take before it is killed, with every process it started.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How to install it, named when it cannot be started.</summary>
    public string? InstallHint { get; init; }
}
