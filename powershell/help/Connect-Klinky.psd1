@{
    Synopsis    = 'Connects this PowerShell session to the Klinky API with an API key.'
    Description = @'
Checks the API key and base URL with the one read that spends no budget (GET /public/keys/rate-limit), then keeps them for every Klinky cmdlet of this session and writes the connection: base URL, where the key came from and the budget left. A wrong key (Klinky.AuthenticationFailed), a base URL that is not a Klinky API (Klinky.WrongBaseUrl) or an unreachable host (Klinky.ConnectionFailed) fails here, at once, and the session keeps its previous connection. -SkipVerify keeps them without the check (offline, or before the service is up).

The key must be a SecureString: a key typed as plain text is refused with a message that shows how to give it (Read-Host -AsSecureString, or ConvertTo-SecureString in a script), never the key itself.

Without Connect-Klinky, the cmdlets read the environment variables KLINKY_API_KEY and KLINKY_BASE_URL. The key is never written to output, -Verbose or -Debug.

Behind a proxy, give -Proxy (and -ProxyCredential or -ProxyUseDefaultCredentials when it wants authentication). Without -Proxy the module sends through the proxy that HTTPS_PROXY or HTTP_PROXY names (user:password@ in that address are the proxy's credentials), except for the hosts NO_PROXY lists, on PowerShell 7 and Windows PowerShell 5.1 alike; with none of them set, through the system's proxy settings. A proxy that refuses the request (407) fails with the ErrorId Klinky.ProxyAuthenticationRequired, naming the proxy but never its credentials.
'@
    Parameters  = @{
        ApiKey     = 'The API key (X-API-Key) as a SecureString: from Read-Host -AsSecureString, a secret vault, or ConvertTo-SecureString $env:KLINKY_API_KEY -AsPlainText -Force in a script. Plain text is refused.'
        SkipVerify = 'Keeps the key and base URL without checking them (offline, or before the service is up); the first cmdlet that calls the API then finds out.'
        Credential = 'A credential whose password is the API key; the user name is ignored.'
        BaseUrl    = 'The API base URL up to and including /api/v1. Defaults to KLINKY_BASE_URL, else the hosted service https://klinky-api.fly.dev/api/v1.'
        Proxy      = 'The proxy to send every request through, e.g. http://proxy.example.com:3128 (no credentials in the URI: use -ProxyCredential). Overrides HTTPS_PROXY, HTTP_PROXY and NO_PROXY for this session. Loopback addresses go through it too, except on Windows PowerShell 5.1, whose .NET Framework always sends them directly.'
        ProxyCredential = "The proxy's user name and password, sent when it answers 407. Needs -Proxy."
        ProxyUseDefaultCredentials = "Authenticates to the proxy as the logged-on Windows user (NTLM or Kerberos). Needs -Proxy; not with -ProxyCredential."
    }
    Defaults    = @{
        BaseUrl = '$env:KLINKY_BASE_URL, else https://klinky-api.fly.dev/api/v1'
    }
    Examples    = @(
        @{ Title = 'Connect to a local emulator'; Code = "Connect-Klinky -ApiKey (Read-Host -AsSecureString 'Klinky API key') -BaseUrl http://127.0.0.1:5080/api/v1"; Remarks = 'Prompts for the key without echoing it, then keeps it for this session.' }
        @{ Title = 'Connect through an authenticating proxy'; Code = "Connect-Klinky -ApiKey `$key -Proxy http://proxy.example.com:3128 -ProxyCredential (Get-Credential -Message 'Proxy')"; Remarks = 'Every request of this session goes through the proxy with these credentials.' }
        @{ Title = 'In a script, from an environment variable'; Code = 'Connect-Klinky -ApiKey (ConvertTo-SecureString $env:KLINKY_API_KEY -AsPlainText -Force) | Out-Null'; Remarks = 'Fails at once, with the reason, when the key or the base URL is wrong.' }
        @{ Title = 'Connect with a stored credential'; Code = 'Connect-Klinky -Credential (Get-Credential -UserName klinky -Message "API key")'; Remarks = 'The password of the credential is the key.' }
    )
    Inputs      = @('None')
}
