namespace Klinky.Http;

/// <summary>
/// Routes a server answered it does not have, remembered by one client for <see cref="Lifetime"/>: a job pays one request
/// to learn it, and a long session (a PowerShell window open all day) notices when the server gains the route.
/// </summary>
internal sealed class RouteMemory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly TimeProvider _time;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _missingUntil = new(StringComparer.Ordinal);

    public RouteMemory(TimeProvider time) => _time = time;

    public bool IsMissing(string route) =>
        _missingUntil.TryGetValue(route, out var until) && (_time.GetUtcNow() < until || !_missingUntil.TryRemove(route, out _));

    public void RememberMissing(string route) => _missingUntil[route] = _time.GetUtcNow() + Lifetime;
}
