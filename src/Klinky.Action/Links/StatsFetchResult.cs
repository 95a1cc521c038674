using Klinky.Stats;

namespace Klinky.Action.Links;

/// <summary>Stats of the links found, the links that were gone, and whether the server lacked <c>/stats</c> (then each link cost more).</summary>
internal sealed record StatsFetchResult(IReadOnlyList<LinkStats> Stats, IReadOnlyList<string> NotFound, bool UsedClicksFallback, int FallbackRequests)
{
    /// <summary>Links not read because the budget the run may spend ended (only when the fetch was given a budget).</summary>
    public IReadOnlyList<LinkTarget> Unread { get; init; } = Array.Empty<LinkTarget>();
}
