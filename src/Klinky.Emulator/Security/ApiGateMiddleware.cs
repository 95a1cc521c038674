using System.Globalization;
using Klinky.Emulator.Http;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Security;

/// <summary>
/// The door of <c>/api/v1</c>: resolves the key to a workspace (401 otherwise), counts the request against the hour's budget
/// and puts the <c>X-RateLimit-*</c> headers on every authenticated answer, errors included. Turns any escaped exception into a
/// Klinky error body so no handler bug ever shows as an empty 500 or a stack trace.
/// </summary>
internal sealed class ApiGateMiddleware
{
    public const string RateLimitedDetail = "Rate limit exceeded. Please try again later.";
    public const string RateLimitPath = "/api/v1/public/keys/rate-limit";
    private const string WorkspaceItem = "klinky.workspace";
    private readonly RequestDelegate _next;
    private readonly ApiKeyRing _keys;
    private readonly RateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<ApiGateMiddleware> _logger;
    private readonly RequestLog _log;

    public ApiGateMiddleware(RequestDelegate next, ApiKeyRing keys, RateLimiter limiter, TimeProvider time, ILogger<ApiGateMiddleware> logger, RequestLog log)
    {
        _log = log;
        _next = next;
        _keys = keys;
        _limiter = limiter;
        _time = time;
        _logger = logger;
    }

    public static Workspace WorkspaceOf(HttpContext context) =>
        context.Items[WorkspaceItem] as Workspace ?? throw new InvalidOperationException("No workspace: the route is outside the API gate.");

    public async Task InvokeAsync(HttpContext context)
    {
        RateWindow? window = null;
        Workspace? workspace = null;
        try
        {
            (workspace, window) = await GateAsync(context).ConfigureAwait(false);
        }
        finally
        {
            // The route's pattern, not the path: ids and query strings stay out of the log.
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
            _log.Add(new ApiRequestEntry(_time.GetUtcNow(), workspace?.Id, context.Request.Method, route, context.Response.StatusCode, window?.Remaining));
        }
    }

    private async Task<(Workspace?, RateWindow?)> GateAsync(HttpContext context)
    {
        var workspace = _keys.Find(context.Request.Headers["X-API-Key"].ToString());
        if (workspace is null)
        {
            await ErrorWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, "Invalid or missing API key").ConfigureAwait(false);
            return (null, null);
        }

        var counts = !context.Request.Path.Equals(RateLimitPath, StringComparison.OrdinalIgnoreCase);
        var window = counts ? _limiter.Consume(workspace) : _limiter.Peek(workspace);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = window.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (!window.Allowed)
        {
            var wait = Math.Max(1, (long)Math.Ceiling((window.ResetsAt - _time.GetUtcNow()).TotalSeconds));
            headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            await ErrorWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, RateLimitedDetail).ConfigureAwait(false);
            return (workspace, window);
        }

        context.Items[WorkspaceItem] = workspace;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(context, ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFault.Of(ex) is { } fault && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The request was fine; the disk was not. Reads go on being served from what is stored.
            _logger.LogError("{Method} {Path} was refused, nothing written: {Reason}", context.Request.Method, context.Request.Path.Value, ex.Message);
            await ErrorWriter.WriteAsync(context, fault.Status, fault.Detail).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Logged without headers or body: neither may carry the key into a log. The answer names no .NET type: the user
            // cannot act on one, and the log beside it has the whole exception.
            _logger.LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            await ErrorWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal emulator error: the emulator's log has the details.").ConfigureAwait(false);
        }

        return (workspace, window);
    }
}
