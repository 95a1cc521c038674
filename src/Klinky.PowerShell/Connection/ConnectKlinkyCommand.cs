using System.Management.Automation;
using System.Net;
using System.Security;
using Klinky.PowerShell.Hosting;

namespace Klinky.PowerShell.Connection;

/// <summary>Connect-Klinky: keeps a key and base URL for this session's Klinky cmdlets. Sends no request.</summary>
[Cmdlet(VerbsCommunications.Connect, "Klinky", HelpUri = HelpLinks.Page + "#connect-klinky", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(KlinkyConnection))]
public sealed class ConnectKlinkyCommand : PSCmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
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

        var baseUrl = BaseUrl ?? ProcessEnvironment.Get(KlinkySessionState.BaseUrlVariable);
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

        WriteObject(KlinkySessionState.Connect(baseUrl, key, ProxySettings.From(this)));
    }
}
