namespace Klinky.Action.Runner;

/// <summary>The version stamped by the build (Directory.Build.props), without the source-link hash suffix.</summary>
internal static class ActionVersion
{
    public static string Current { get; } = KlinkyUserAgent.Version(typeof(ActionVersion).Assembly);
}
