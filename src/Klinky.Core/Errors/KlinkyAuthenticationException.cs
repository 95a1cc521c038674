namespace Klinky;

/// <summary>401: the API key is missing or invalid.</summary>
public sealed class KlinkyAuthenticationException : KlinkyException
{
    public KlinkyAuthenticationException(string message, KlinkyCallInfo call) : base(message, call) { }
}
