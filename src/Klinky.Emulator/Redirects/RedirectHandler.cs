using Klinky.Emulator.Storage;
using Microsoft.Extensions.Primitives;

namespace Klinky.Emulator.Redirects;

/// <summary>
/// <c>GET /{slug}</c>, the hot path: the link comes from memory and the click is recorded (<see cref="ClickWriter.TryRecord"/>:
/// a line in the click journal, then the writer's queue) before the 302 leaves, so a handed-out <c>kl_cid</c> names a click
/// that survives a killed process. A click that cannot be recorded gets a 503 that says so, never a 302 for a click that does
/// not exist.
/// <c>HEAD</c> is answered like <c>GET</c> but is not a click: link unfurlers and prefetchers send it.
/// </summary>
internal sealed class RedirectHandler
{
    public const string VisitorCookie = "klinky_vid";
    private const int MaxReferrerLength = 2048;
    private static readonly byte[] NotFoundBody = """{"detail":"Link not found"}"""u8.ToArray();
    private static readonly byte[] UnrecordedBody = """{"detail":"The click could not be recorded (the emulator's storage refuses writes); nothing was counted. See /healthz and the emulator's log."}"""u8.ToArray();
    private readonly LinkStore _links;
    private readonly ClickWriter _writer;
    private readonly TimeProvider _time;
    private readonly SessionSigner _signer;

    public RedirectHandler(LinkStore links, ClickWriter writer, TimeProvider time, SessionSigner signer)
    {
        _links = links;
        _writer = writer;
        _time = time;
        _signer = signer;
    }

    /// <summary><c>GET /{slug}</c>: one path segment that is not the reserved <c>api</c>.</summary>
    public static bool IsRedirect(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path.Value;
        return path is { Length: > 1 } && path.IndexOf('/', 1) < 0 && !LinkStore.IsReserved(path.AsSpan(1));
    }

    public async Task HandleAsync(HttpContext context)
    {
        var slug = context.Request.Path.Value![1..];
        var response = context.Response;
        if (slug is null || !_links.TryGetLiveBySlug(slug, out var link) || !link.IsActive)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "application/json";
            await response.Body.WriteAsync(NotFoundBody, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        var visitorId = request.Cookies[VisitorCookie];
        var newVisitorCookie = default(string);
        if (!IsValidVisitorId(visitorId))
        {
            visitorId = Guid.NewGuid().ToString("N");
            newVisitorCookie = $"{VisitorCookie}={visitorId}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax";
            response.Headers.SetCookie = newVisitorCookie;
        }

        var userAgent = request.Headers.UserAgent.ToString();
        var country = Country(request.Headers["X-Klinky-Country"]);
        var variant = VariantPicker.Pick(link, visitorId!, country);
        var destination = variant.DestinationUrl;
        if (!BotDetector.IsBot(userAgent))
        {
            var now = _time.GetUtcNow();
            var session = VisitSession.Read(request.Cookies[VisitSession.CookieName], link.Id, now, _signer);
            var clickId = session?.ClickId;
            if (clickId is null && HttpMethods.IsGet(request.Method))
            {
                var started = VisitSession.Start(now);
                clickId = started.ClickId;
                var referrer = request.Headers.Referer.ToString();
                var click = new ClickEvent
                {
                    Id = clickId,
                    LinkId = link.Id,
                    VariantLabel = variant.Label,
                    CreatedAtMs = now.ToUnixTimeMilliseconds(),
                    Country = country,
                    Referrer = referrer.Length == 0 ? null : referrer.Length > MaxReferrerLength ? referrer[..MaxReferrerLength] : referrer,
                    Device = BotDetector.DeviceOf(userAgent),
                };
                if (!_writer.TryRecord(click))
                {
                    response.Headers.SetCookie = default;
                    response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    response.ContentType = "application/json";
                    response.Headers.RetryAfter = "5";
                    await response.Body.WriteAsync(UnrecordedBody, context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                var sessionCookie = started.SetCookieHeader(link.Id, slug, _signer);
                response.Headers.SetCookie = newVisitorCookie is null ? new StringValues(sessionCookie) : new StringValues(new[] { newVisitorCookie, sessionCookie });
            }

            if (link.EnableConversionTracking && clickId is not null)
            {
                destination = WithClickId(destination, clickId);
            }
        }

        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = LocationHeader.For(destination);
        response.Headers.CacheControl = "private, no-store";
    }

    private static bool IsValidVisitorId(string? id)
    {
        if (id is null || id.Length is < 8 or > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    private static string? Country(StringValues header)
    {
        var value = header.ToString();
        return value.Length == 2 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[1]) ? value.ToUpperInvariant() : null;
    }

    private static string WithClickId(string destination, string clickId)
    {
        var hash = destination.IndexOf('#', StringComparison.Ordinal);
        var (head, fragment) = hash < 0 ? (destination, "") : (destination[..hash], destination[hash..]);
        var separator = head.Contains('?', StringComparison.Ordinal) ? (head.EndsWith('?') || head.EndsWith('&') ? "" : "&") : "?";
        return head + separator + "kl_cid=" + clickId + fragment;
    }
}
