using System.Collections.Concurrent;
using Klinky.Links;

namespace Klinky.PowerShell.Completion;

/// <summary>
/// Links this process has already received, for tab completion: completing -Slug or -Id must never spend a request
/// (the API budget is 100 requests an hour on Growth).
/// </summary>
internal static class SeenLinks
{
    private const int Capacity = 5000;
    private static readonly ConcurrentDictionary<string, Link> ById = new(StringComparer.Ordinal);

    public static void Remember(Link link)
    {
        if (string.IsNullOrEmpty(link.Id) || (ById.Count >= Capacity && !ById.ContainsKey(link.Id)))
        {
            return;
        }

        ById[link.Id] = link;
    }

    public static Link? Find(string id) => ById.TryGetValue(id, out var link) ? link : null;

    /// <summary>The link with this exact slug, if this process has seen it (slugs are unique and never change).</summary>
    public static Link? FindBySlug(string slug) => ById.Values.FirstOrDefault(l => string.Equals(l.Slug, slug, StringComparison.Ordinal));

    public static void Forget(string id) => ById.TryRemove(id, out _);

    public static IReadOnlyList<Link> All => ById.Values.OrderBy(l => l.Slug, StringComparer.OrdinalIgnoreCase).ToList();
}
