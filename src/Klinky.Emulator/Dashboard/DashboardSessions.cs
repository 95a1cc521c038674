using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Klinky.Emulator.Security;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// Logins from other addresses (a random token in an HttpOnly, SameSite=Strict cookie, mapped in memory to the key's workspace:
/// the cookie never holds the key) and the forms' CSRF tokens (an HMAC of the session under a secret drawn at start).
/// </summary>
internal sealed class DashboardSessions
{
    public const string CookieName = "klinky_dashboard";
    private const int MaxSessions = 1000;
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Workspace> _sessions = new(StringComparer.Ordinal);

    /// <summary>A new session for <paramref name="workspace"/>; its token goes into the cookie.</summary>
    public string Start(Workspace workspace)
    {
        if (_sessions.Count >= MaxSessions)
        {
            _sessions.Clear();
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _sessions[token] = workspace;
        return token;
    }

    public Workspace? Find(string? token) => token is { Length: > 0 and < 100 } && _sessions.TryGetValue(token, out var workspace) ? workspace : null;

    /// <summary>The token a form carries for <paramref name="scope"/> (a session token, or a fixed word for loopback and the login form).</summary>
    public string CsrfToken(string scope) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes("csrf:" + scope)));

    public bool IsValidCsrf(string? presented, string scope) =>
        presented is { Length: 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(CsrfToken(scope)));
}
