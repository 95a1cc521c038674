using Klinky.Stats;

namespace Klinky.Action.Links;

/// <summary>Stats of the links found, the links that were gone, and whether the server lacked <c>/stats</c> (then each link cost more).</summary>
internal sealed record StatsFetchResult(IReadOnlyList<LinkStats> Stats, IReadOnlyList<string> NotFound, bool UsedClicksFallback, int FallbackRequests);
