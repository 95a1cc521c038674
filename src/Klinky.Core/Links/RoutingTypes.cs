namespace Klinky.Links;

/// <summary>The values of a link's <c>routing_type</c>.</summary>
public static class RoutingTypes
{
    public const string AbTest = "ab_test";
    public const string Geo = "geo";
}
