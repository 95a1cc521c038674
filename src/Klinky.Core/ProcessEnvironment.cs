using System.Collections;

namespace Klinky;

/// <summary>
/// The one reader of the process environment. Programs read it at their entry points (the module's connection, the
/// MSBuild tasks, the action's and the emulator's start, a client built without an environment of its own) and pass the
/// values on; libraries take them as arguments, and tests pass their own instead of changing the process's. A test
/// (ProcessEnvironmentTests) fails on any other read of the environment under src/. Klinky.Build and Klinky.PowerShell
/// compile this file in (shared source).
/// </summary>
internal static class ProcessEnvironment
{
    /// <summary>One variable of this process, or null.</summary>
    public static string? Get(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Every variable of this process, keyed with <paramref name="comparer"/> (ordinal by default).</summary>
    public static IReadOnlyDictionary<string, string?> Snapshot(StringComparer? comparer = null) =>
        ToDictionary(Environment.GetEnvironmentVariables(), comparer ?? StringComparer.Ordinal);

    /// <summary>The variables of <paramref name="variables"/> (as <see cref="Environment.GetEnvironmentVariables()"/> gives them) keyed with <paramref name="comparer"/>; a later name that compares equal wins.</summary>
    internal static IReadOnlyDictionary<string, string?> ToDictionary(IDictionary variables, StringComparer comparer)
    {
        var values = new Dictionary<string, string?>(comparer);
        foreach (DictionaryEntry entry in variables)
        {
            values[(string)entry.Key] = entry.Value as string;
        }

        return values;
    }
}
