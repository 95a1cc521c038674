using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using System.Reflection;
using Klinky.PowerShell.Connection;

namespace Klinky.PowerShell.Hosting;

/// <summary>
/// The connection of each runspace. Keyed by runspace so two runspaces in one process (jobs, hosts) keep their own key.
/// </summary>
internal static class KlinkySessionState
{
    internal const string ApiKeyVariable = "KLINKY_API_KEY";
    internal const string BaseUrlVariable = "KLINKY_BASE_URL";

    private static readonly ConcurrentDictionary<Guid, KlinkyConnection> Connections = new();
    private static readonly ConcurrentDictionary<string, KlinkyConnection> FromEnvironment = new(StringComparer.Ordinal);

    internal static string UserAgent { get; } = KlinkyUserAgent.ProductToken("Klinky.PowerShell", typeof(KlinkySessionState).Assembly);

    private static Guid RunspaceId => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

    public static KlinkyConnection? Current =>
        Connections.TryGetValue(RunspaceId, out var connection) ? connection : FromEnvironmentVariables();

    /// <summary>A connection for Connect-Klinky, not yet the session's: <see cref="Use"/> makes it so once it is verified.</summary>
    public static KlinkyConnection Open(string? baseUrl, string apiKey, System.Net.IWebProxy? proxy = null) =>
        Create(baseUrl, apiKey, "Connect-Klinky", proxy);

    public static KlinkyConnection Use(KlinkyConnection connection)
    {
        if (Connections.TryGetValue(RunspaceId, out var previous))
        {
            previous.Client.Dispose();
        }

        Connections[RunspaceId] = connection;
        return connection;
    }

    public static bool Disconnect()
    {
        if (Connections.TryRemove(RunspaceId, out var connection))
        {
            connection.Client.Dispose();
            return true;
        }

        return false;
    }

    public static void DisconnectAll()
    {
        foreach (var id in Connections.Keys.ToList())
        {
            if (Connections.TryRemove(id, out var connection))
            {
                connection.Client.Dispose();
            }
        }
    }

    // Without Connect-Klinky the environment serves; one client per (URL, key) pair keeps its connection pool and budget view.
    private static KlinkyConnection? FromEnvironmentVariables()
    {
        var apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrEmpty(apiKey))
        {
            return null;
        }

        var baseUrl = Environment.GetEnvironmentVariable(BaseUrlVariable);
        return FromEnvironment.GetOrAdd((baseUrl ?? "") + "\n" + apiKey, _ => Create(baseUrl, apiKey!, "Environment"));
    }

    private static KlinkyConnection Create(string? baseUrl, string apiKey, string source, System.Net.IWebProxy? proxy = null)
    {
        var options = new KlinkyClientOptions
        {
            ApiKey = apiKey,
            Proxy = proxy,
            UserAgent = UserAgent,
            OnRequest = RequestObserver.OnRequest,
            OnWait = RequestObserver.OnWait,
        };
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseUrl = baseUrl!;
        }

        return new KlinkyConnection(new KlinkyClient(options), source, DateTimeOffset.UtcNow) { Secret = apiKey };
    }
}
