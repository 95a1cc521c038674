using System.Reflection;

namespace Klinky.Action.Runner;

/// <summary>The version stamped by the build (Directory.Build.props), without the source-link hash suffix.</summary>
internal static class ActionVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ActionVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
