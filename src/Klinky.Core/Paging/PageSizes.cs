using Klinky.Links;

namespace Klinky.Paging;

/// <summary>Page sizes the API accepts, from whatever a caller computed (a sum that overflowed, a negative count).</summary>
internal static class PageSizes
{
    public static int Clamp(long? hint) => hint is { } wanted ? (int)Math.Max(1, Math.Min(LinkRules.MaxPerPage, wanted)) : LinkRules.MaxPerPage;
}
