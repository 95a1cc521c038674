namespace Klinky.Action.Runner;

/// <summary>The version stamped by the build (Directory.Build.props), without the source-link hash suffix.</summary>
internal static class ActionVersion
{
    public static string Current { get; } = KlinkyUserAgent.Version(typeof(ActionVersion).Assembly);

    /// <summary>The action's User-Agent product token, by Core's one rule (as Klinky.Build's and the module's).</summary>
    public static string UserAgent { get; } = KlinkyUserAgent.ProductToken("Klinky.Action", typeof(ActionVersion).Assembly);
}
