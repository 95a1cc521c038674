namespace Klinky;

/// <summary>
/// 407: a proxy between the client and Klinky wants credentials it was not given, or refused the ones it was given.
/// The request never reached Klinky and spent none of the budget. The message names the proxy (its address without
/// credentials); the credentials themselves are never shown.
/// </summary>
public sealed class KlinkyProxyAuthenticationException : KlinkyException
{
    public KlinkyProxyAuthenticationException(string message, KlinkyCallInfo call) : base(message, call) { }
}
