namespace Klinky.PowerShell.Errors;

/// <summary>The stable ErrorIds of the module: scripts match on these, so they never change once shipped.</summary>
public static class KlinkyErrorIds
{
    public const string NotConnected = "Klinky.NotConnected";
    public const string InvalidVariant = "Klinky.InvalidVariant";
    public const string InvalidName = "Klinky.InvalidName";
    public const string InvalidSlug = "Klinky.InvalidSlug";
    public const string InvalidArgument = "Klinky.InvalidArgument";
    public const string AuthenticationFailed = "Klinky.AuthenticationFailed";
    public const string Forbidden = "Klinky.Forbidden";
    public const string LinkNotFound = "Klinky.LinkNotFound";
    public const string SlugTaken = "Klinky.SlugTaken";
    public const string RateLimited = "Klinky.RateLimited";
    public const string ServerError = "Klinky.ServerError";
    public const string Timeout = "Klinky.Timeout";
    public const string ConnectionFailed = "Klinky.ConnectionFailed";
    public const string InvalidResponse = "Klinky.InvalidResponse";
    public const string WrongBaseUrl = "Klinky.WrongBaseUrl";
    public const string NotSignificant = "Klinky.NotSignificant";
    public const string RequestFailed = "Klinky.RequestFailed";
    public const string ProxyAuthenticationRequired = "Klinky.ProxyAuthenticationRequired";
}
