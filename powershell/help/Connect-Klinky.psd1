@{
    Synopsis    = 'Connects this PowerShell session to the Klinky API with an API key.'
    Description = @'
Keeps the API key and base URL for every Klinky cmdlet of this session. No request is sent: the first cmdlet that calls the API uses them.

Without Connect-Klinky, the cmdlets read the environment variables KLINKY_API_KEY and KLINKY_BASE_URL. The key is never written to output, -Verbose or -Debug.
'@
    Parameters  = @{
        ApiKey     = 'The API key (X-API-Key) as a SecureString, for example from Read-Host -AsSecureString or a secret vault.'
        Credential = 'A credential whose password is the API key; the user name is ignored.'
        BaseUrl    = 'The API base URL up to and including /api/v1. Defaults to KLINKY_BASE_URL, else the hosted service https://klinky-api.fly.dev/api/v1.'
    }
    Defaults    = @{
        BaseUrl = '$env:KLINKY_BASE_URL, else https://klinky-api.fly.dev/api/v1'
    }
    Examples    = @(
        @{ Title = 'Connect to a local emulator'; Code = "Connect-Klinky -ApiKey (Read-Host -AsSecureString 'Klinky API key') -BaseUrl http://127.0.0.1:5080/api/v1"; Remarks = 'Prompts for the key without echoing it, then keeps it for this session.' }
        @{ Title = 'Connect with a stored credential'; Code = 'Connect-Klinky -Credential (Get-Credential -UserName klinky -Message "API key")'; Remarks = 'The password of the credential is the key.' }
    )
    Inputs      = @('None')
}
