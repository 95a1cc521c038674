using System.Globalization;

namespace Klinky.Emulator.Redirects;

/// <summary>
/// A visitor's session on one link (30 minutes from its first click), kept in a cookie scoped to <c>/{slug}</c> rather
/// than in the emulator's memory: a repeat click is redirected with the same <c>kl_cid</c> but counted once, the
/// emulator holds nothing per visitor (so a flood of new visitors costs no memory), and sessions survive a restart.
/// Value: <c>{link id}.{click id}.{expiry, unix seconds}.{HMAC tag}</c>; the link id keeps a reused slug from inheriting a
/// session, and the tag (<see cref="SessionSigner"/>) keeps a client from writing its own.
/// </summary>
internal readonly record struct VisitSession(string ClickId, long ExpiresAt)
{
    public const string CookieName = "klinky_s";
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(30);

    /// <summary>The session this cookie holds for <paramref name="linkId"/>, or null when absent, expired, foreign, forged or malformed.</summary>
    public static VisitSession? Read(string? cookie, string linkId, DateTimeOffset now, SessionSigner signer)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 192 || !cookie.StartsWith(linkId, StringComparison.Ordinal)
            || cookie.Length <= linkId.Length || cookie[linkId.Length] != '.' || signer.Verify(cookie) is not { } payload)
        {
            return null;
        }

        var rest = payload.AsSpan(linkId.Length + 1);
        var dot = rest.LastIndexOf('.');
        var nowSeconds = now.ToUnixTimeSeconds();

        // A signed expiry is still capped at one session length from now: the cap holds even if the key ever leaked.
        if (dot <= 0 || !Guid.TryParse(rest[..dot], out _)
            || !long.TryParse(rest[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt <= nowSeconds || expiresAt > nowSeconds + (long)Length.TotalSeconds)
        {
            return null;
        }

        return new VisitSession(rest[..dot].ToString(), expiresAt);
    }

    /// <summary>A new session: a fresh, time-ordered click id (v7 ids append to the clicks table's B-tree instead of landing on random pages).</summary>
    public static VisitSession Start(DateTimeOffset now) =>
        new(Guid.CreateVersion7().ToString(), (now + Length).ToUnixTimeSeconds());

    public string SetCookieHeader(string linkId, string slug, SessionSigner signer) =>
        string.Create(CultureInfo.InvariantCulture, $"{CookieName}={signer.Sign(string.Create(CultureInfo.InvariantCulture, $"{linkId}.{ClickId}.{ExpiresAt}"))}; Path=/{slug}; Max-Age={(int)Length.TotalSeconds}; HttpOnly; SameSite=Lax");
}
