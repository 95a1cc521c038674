using System.Globalization;

namespace Klinky.Emulator.Redirects;

/// <summary>
/// A visitor's session on one link (30 minutes from its first click), kept in a cookie scoped to <c>/{slug}</c> rather
/// than in the emulator's memory: a repeat click is redirected with the same <c>kl_cid</c> but counted once, the
/// emulator holds nothing per visitor (so a flood of new visitors costs no memory), and sessions survive a restart.
/// Value: <c>{link id}.{click id}.{expiry, unix seconds}</c>; the link id keeps a reused slug from inheriting a session.
/// </summary>
internal readonly record struct VisitSession(string ClickId, long ExpiresAt)
{
    public const string CookieName = "klinky_s";
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(30);

    /// <summary>The session this cookie holds for <paramref name="linkId"/>, or null when absent, expired, foreign or malformed.</summary>
    public static VisitSession? Read(string? cookie, string linkId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 128 || !cookie.StartsWith(linkId, StringComparison.Ordinal)
            || cookie.Length <= linkId.Length || cookie[linkId.Length] != '.')
        {
            return null;
        }

        var rest = cookie.AsSpan(linkId.Length + 1);
        var dot = rest.LastIndexOf('.');
        if (dot <= 0 || !Guid.TryParse(rest[..dot], out _)
            || !long.TryParse(rest[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt <= now.ToUnixTimeSeconds())
        {
            return null;
        }

        return new VisitSession(rest[..dot].ToString(), expiresAt);
    }

    /// <summary>A new session: a fresh, time-ordered click id (v7 ids append to the clicks table's B-tree instead of landing on random pages).</summary>
    public static VisitSession Start(DateTimeOffset now) =>
        new(Guid.CreateVersion7().ToString(), (now + Length).ToUnixTimeSeconds());

    public string SetCookieHeader(string linkId, string slug) =>
        string.Create(CultureInfo.InvariantCulture, $"{CookieName}={linkId}.{ClickId}.{ExpiresAt}; Path=/{slug}; Max-Age={(int)Length.TotalSeconds}; HttpOnly; SameSite=Lax");
}
