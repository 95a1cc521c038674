using System.Management.Automation;

namespace Klinky.PowerShell.Errors;

/// <summary>Turns Klinky exceptions into ErrorRecords with a stable ErrorId, the right category, the server's detail and a hint.</summary>
internal static class KlinkyErrorRecords
{
    public static ErrorRecord NotConnected() => Create(
        new InvalidOperationException("Not connected to Klinky: no Connect-Klinky in this session and no KLINKY_API_KEY environment variable."),
        KlinkyErrorIds.NotConnected,
        ErrorCategory.ConnectionError,
        null,
        "Run Connect-Klinky -ApiKey (Read-Host -AsSecureString) [-BaseUrl <url>], or set KLINKY_API_KEY and KLINKY_BASE_URL.");

    /// <summary>An -Id that is not a link id, refused before any request; a slug-like value is pointed at -Slug.</summary>
    public static ErrorRecord NotALinkId(string value, bool looksLikeSlug) => Create(
        new PSArgumentException($"Cannot validate argument on parameter 'Id': '{value}' is not a link id (a UUID such as 550e8400-e29b-41d4-a716-446655440000)."
            + (looksLikeSlug ? $" To name a link by its slug, use -Slug '{value}'." : ""), "Id"),
        KlinkyErrorIds.InvalidArgument,
        ErrorCategory.InvalidArgument,
        value,
        looksLikeSlug ? $"-Slug '{value}' finds the link by its slug." : "Get-KlinkyLink lists the links and their ids.");

    /// <summary>A -Slug no link has.</summary>
    public static ErrorRecord NoSuchSlug(string slug) => Create(
        new ItemNotFoundException($"No Klinky link has the slug '{slug}'."),
        KlinkyErrorIds.LinkNotFound,
        ErrorCategory.ObjectNotFound,
        slug,
        "Get-KlinkyLink -Slug '*' lists the slugs this key can see (wildcards allowed: -Slug 'pr-42-*').");

    public static ErrorRecord From(KlinkyException exception, object? target, Func<string, string?> parameterOfField) => exception switch
    {
        KlinkyValidationException invalid => Invalid(invalid, target, parameterOfField),
        KlinkyAuthenticationException => Create(exception, KlinkyErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError, target,
            "Check the API key: run Connect-Klinky again with a valid key, or fix KLINKY_API_KEY."),
        KlinkyForbiddenException => Create(exception, KlinkyErrorIds.Forbidden, ErrorCategory.PermissionDenied, target,
            KlinkyForbiddenException.PlanHint),
        KlinkyBaseUrlException => Create(exception, KlinkyErrorIds.WrongBaseUrl, ErrorCategory.InvalidArgument, target,
            "Run Connect-Klinky -BaseUrl with the API's base, ending in /api/v1 (Get-KlinkyConnection shows the current one)."),
        // Every route that answers 404 is addressed by a link id (a -Slug that finds nothing is NoSuchSlug, before this).
        KlinkyNotFoundException => Create(exception, KlinkyErrorIds.LinkNotFound, ErrorCategory.ObjectNotFound, target,
            "Get-KlinkyLink lists the links this key can see; -Slug names a link by its slug instead of its id.",
            target is string id && Guid.TryParse(id, out _) ? $"No Klinky link has the id '{id}' (it may have been removed)." : null),
        KlinkyConflictException => Create(exception, KlinkyErrorIds.SlugTaken, ErrorCategory.ResourceExists, target,
            "Choose another -Slug, or change the existing link with Set-KlinkyLink."),
        KlinkyRateLimitException limited => Create(exception, KlinkyErrorIds.RateLimited, ErrorCategory.LimitsExceeded, target,
            limited.ResetsAt is { } at
                ? $"Wait until {at.UtcDateTime:HH:mm:ss} UTC, when the hourly budget resets; Get-KlinkyRateLimit shows what is left."
                : "Wait and try again; Get-KlinkyRateLimit shows what is left."),
        KlinkyProxyAuthenticationException => Create(exception, KlinkyErrorIds.ProxyAuthenticationRequired, ErrorCategory.AuthenticationError, target,
            "Give the proxy's credentials: Connect-Klinky -Proxy <uri> -ProxyCredential (Get-Credential), or -ProxyUseDefaultCredentials for a proxy that takes your Windows logon."),
        KlinkyServerException => Create(exception, KlinkyErrorIds.ServerError, ErrorCategory.InvalidResult, target,
            "The Klinky service failed; try again later."),
        KlinkyTimeoutException => Create(exception, KlinkyErrorIds.Timeout, ErrorCategory.OperationTimeout, target,
            "Klinky did not answer in time; check the network and try again."),
        KlinkyTransportException => Create(exception, KlinkyErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, target,
            "Check -BaseUrl (Get-KlinkyConnection) and the network."),
        KlinkyInvalidResponseException => Create(exception, KlinkyErrorIds.InvalidResponse, ErrorCategory.InvalidResult, target,
            "Check that -BaseUrl points at the Klinky API (it ends in /api/v1)."),
        _ => Create(exception, KlinkyErrorIds.RequestFailed, ErrorCategory.NotSpecified, target, null),
    };

    private static ErrorRecord Invalid(KlinkyValidationException exception, object? target, Func<string, string?> parameterOfField)
    {
        var fields = exception.Errors.Select(e => e.Field).ToList();
        var id = fields.Any(f => f.StartsWith("variants", StringComparison.Ordinal)) ? KlinkyErrorIds.InvalidVariant
            : fields.Contains("name") ? KlinkyErrorIds.InvalidName
            : fields.Contains("slug") ? KlinkyErrorIds.InvalidSlug
            : KlinkyErrorIds.InvalidArgument;
        var sentByServer = exception.StatusCode is not null;
        var lines = exception.Errors.Select(e => parameterOfField(e.Field) is { } parameter
            ? $"Cannot validate argument on parameter '{parameter}': {e}"
            : e.ToString());
        var message = (sentByServer ? $"Klinky rejected the request ({exception.StatusCode}): " : "") + string.Join(Environment.NewLine, lines);
        return Create(
            exception,
            id,
            sentByServer ? ErrorCategory.InvalidData : ErrorCategory.InvalidArgument,
            target,
            "Correct the value named above; Get-Help about_Klinky describes the rules of links and variants.",
            message);
    }

    private static ErrorRecord Create(Exception exception, string id, ErrorCategory category, object? target, string? hint, string? message = null) =>
        new(exception, id, category, target)
        {
            ErrorDetails = new ErrorDetails(message ?? exception.Message) { RecommendedAction = hint ?? "" },
        };
}
