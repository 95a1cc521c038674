namespace Klinky.Emulator.Security;

/// <summary>
/// The last <see cref="Capacity"/> API requests (method, route pattern, status, budget left after it), newest last: how the
/// dashboard shows where a key's budget goes. In memory only; the route is the pattern (<c>/links/{id}</c>), never a query
/// string or a header, so nothing a client sent beyond the route's shape is kept.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 300;
    private readonly ApiRequestEntry[] _ring = new ApiRequestEntry[Capacity];
    private readonly Lock _gate = new();
    private long _count;

    public void Add(ApiRequestEntry entry)
    {
        lock (_gate)
        {
            _ring[_count % Capacity] = entry;
            _count++;
        }
    }

    /// <summary>The kept requests of <paramref name="workspaceId"/> (all when null), newest first.</summary>
    public IReadOnlyList<ApiRequestEntry> Recent(string? workspaceId)
    {
        lock (_gate)
        {
            var kept = (int)Math.Min(_count, Capacity);
            var list = new List<ApiRequestEntry>(kept);
            for (var i = 1; i <= kept; i++)
            {
                var entry = _ring[(_count - i) % Capacity];
                if (workspaceId is null || entry.WorkspaceId == workspaceId)
                {
                    list.Add(entry);
                }
            }

            return list;
        }
    }
}
