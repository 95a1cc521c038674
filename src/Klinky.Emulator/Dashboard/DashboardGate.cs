using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Security;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// The door of <c>/_klinky/</c>: loopback only unless started with <c>--dashboard-remote</c>, and then a login with an API key;
/// every POST must come from this origin (fetch metadata and Origin) and carry the form's CSRF token. Sets the security headers
/// every dashboard answer carries.
/// </summary>
internal sealed class DashboardGate
{
    public const string Prefix = "/_klinky";
    public const string LoginPath = Prefix + "/login";
    public const string AssetsPath = Prefix + "/assets";
    private readonly RequestDelegate _next;
    private readonly ServeSettings _settings;
    private readonly DashboardSessions _sessions;
    private readonly ILogger<DashboardGate> _logger;

    public DashboardGate(RequestDelegate next, ServeSettings settings, DashboardSessions sessions, ILogger<DashboardGate> logger)
    {
        _logger = logger;
        _next = next;
        _settings = settings;
        _sessions = sessions;
    }

    public static bool IsDashboard(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;

        // Inline SVG needs no inline script or style: everything else comes from the dashboard's own files.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a form's POST, which the
        // cross-site check below would refuse; other sites still get no referrer.
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";

        var viewer = Identify(context);
        var isLogin = context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase);
        if (viewer is null && !_settings.DashboardRemote)
        {
            await DashboardResponses.TextAsync(context, StatusCodes.Status403Forbidden,
                "The Klinky emulator's dashboard answers only on loopback (127.0.0.1, ::1, localhost). Start the emulator with --dashboard-remote to open it to other addresses behind a login with an API key.").ConfigureAwait(false);
            return;
        }

        // The login form's own CSS and script are public files: without them it would show unstyled.
        var isAsset = HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments(AssetsPath, StringComparison.OrdinalIgnoreCase);
        if (viewer is null && !isLogin && !isAsset)
        {
            await LoginPage.WriteAsync(context, _sessions.CsrfToken(DashboardViewer.LoginScope), null, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        viewer ??= new DashboardViewer(null, DashboardViewer.LoginScope);
        if (HttpMethods.IsPost(context.Request.Method) && !await IsSameSiteWriteAsync(context, viewer).ConfigureAwait(false))
        {
            await DashboardResponses.TextAsync(context, StatusCodes.Status403Forbidden,
                "Refused: a dashboard action must come from the dashboard's own page (cross-site request, or a missing or stale form token). Reload the page and try again.").ConfigureAwait(false);
            return;
        }

        viewer.AttachTo(context);
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFault.Of(ex) is { } fault && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // As on the API: the disk refused, the request was fine; said in the user's terms, never as an exception type.
            _logger.LogError("{Method} {Path} was refused, nothing written: {Reason}", context.Request.Method, context.Request.Path.Value, ex.Message);
            await DashboardResponses.TextAsync(context, fault.Status, fault.Detail).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            await DashboardResponses.TextAsync(context, StatusCodes.Status500InternalServerError, "Internal emulator error: the emulator's log has the details.").ConfigureAwait(false);
        }
    }

    private DashboardViewer? Identify(HttpContext context)
    {
        if (DashboardAccess.IsLocal(context.Connection.RemoteIpAddress, context.Request.Host))
        {
            return new DashboardViewer(null, DashboardViewer.LoopbackScope);
        }

        if (!_settings.DashboardRemote)
        {
            return null;
        }

        var token = context.Request.Cookies[DashboardSessions.CookieName];
        return _sessions.Find(token) is { } workspace ? new DashboardViewer(workspace, token!) : null;
    }

    private async Task<bool> IsSameSiteWriteAsync(HttpContext context, DashboardViewer viewer)
    {
        if (DashboardAccess.IsCrossSite(context.Request) || !context.Request.HasFormContentType)
        {
            return false;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        return _sessions.IsValidCsrf(form["csrf"].ToString(), viewer.CsrfScope);
    }
}
