using System.Management.Automation;
using System.Net;
using System.Security;
using Klinky.PowerShell.Hosting;

namespace Klinky.PowerShell.Connection;

/// <summary>
/// Connect-Klinky: keeps a key and base URL for this session's Klinky cmdlets, once the free budget read
/// (<c>GET /public/keys/rate-limit</c>, which spends nothing) has accepted them; -SkipVerify keeps them unchecked (offline).
/// A failed check keeps the session's previous connection.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Klinky", HelpUri = HelpLinks.Page + "#connect-klinky", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(KlinkyConnection))]
public sealed class ConnectKlinkyCommand : KlinkyCmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
    [SecureKeyTransformation]
    [ValidateNotNull]
    public SecureString ApiKey { get; set; } = null!;

    /// <summary>The password is the key; the user name is ignored (a credential store can hold the key this way).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? BaseUrl { get; set; }

    /// <summary>The proxy to send through, e.g. <c>http://proxy.corp:3128</c>; without it HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Keeps the key and URL without the check: offline, or before the service is up.</summary>
    [Parameter]
    public SwitchParameter SkipVerify { get; set; }

    protected override void ProcessRecord()
    {
        var secure = ParameterSetName == CredentialSet ? Credential.Password : ApiKey;
        var key = new NetworkCredential(string.Empty, secure).Password;
        if (string.IsNullOrWhiteSpace(key))
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("The API key is empty.", ParameterSetName),
                Errors.KlinkyErrorIds.InvalidArgument,
                ErrorCategory.InvalidArgument,
                null));
        }

        var baseUrl = BaseUrl ?? Environment.GetEnvironmentVariable(KlinkySessionState.BaseUrlVariable);
        // Core's rule, which never echoes the key: a key pasted into -BaseUrl must not reach the message or the TargetObject.
        if (baseUrl is not null && KlinkyBaseUrl.Check(baseUrl, key) is { } problem)
        {
            var shown = baseUrl.IndexOf(key, StringComparison.Ordinal) >= 0 ? null : baseUrl;
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException($"Cannot validate argument on parameter 'BaseUrl': {problem.Message}.", nameof(BaseUrl)),
                Errors.KlinkyErrorIds.InvalidArgument,
                ErrorCategory.InvalidArgument,
                shown));
        }

        var connection = KlinkySessionState.Open(baseUrl, key, ProxySettings.From(this));
        if (!SkipVerify)
        {
            var verified = false;
            try
            {
                connection.Verified = Run(connection.Client, (client, ct) => client.RateLimits.GetAsync(ct));
                verified = true;
            }
            catch (KlinkyException ex)
            {
                var record = ErrorOf(ex, connection.BaseUrl);
                var hint = record.ErrorDetails?.RecommendedAction;
                record.ErrorDetails = new ErrorDetails("Connect-Klinky checked the key and base URL (GET /public/keys/rate-limit, which spends no budget) and kept the previous connection: "
                    + (record.ErrorDetails?.Message ?? ex.Message))
                {
                    RecommendedAction = (string.IsNullOrEmpty(hint) ? "" : hint + " ") + "-SkipVerify connects without the check (offline).",
                };
                ThrowTerminatingError(record);
            }
            finally
            {
                // Refused, failed or stopped (Ctrl+C): the session keeps its previous connection; this one goes.
                if (!verified)
                {
                    connection.Client.Dispose();
                }
            }
        }

        WriteObject(KlinkySessionState.Use(connection));
    }
}
