namespace Klinky.Stats;

/// <summary>The values of a variant's <c>verdict</c>: how it compares with the control under the always-valid test.</summary>
public static class VariantVerdict
{
    /// <summary>Its always-valid interval for the difference lies wholly above 0.</summary>
    public const string Better = "better";

    /// <summary>Its always-valid interval lies wholly below 0.</summary>
    public const string Worse = "worse";

    /// <summary>Its interval still holds 0, or there is not enough data to judge.</summary>
    public const string Inconclusive = "inconclusive";
}
