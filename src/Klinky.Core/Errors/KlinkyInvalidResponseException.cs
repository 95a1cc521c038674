namespace Klinky;

/// <summary>An answer that is not Klinky JSON: a proxy's HTML page, an empty or truncated body.</summary>
public sealed class KlinkyInvalidResponseException : KlinkyException
{
    public KlinkyInvalidResponseException(string message, KlinkyCallInfo call, Exception? inner = null) : base(message, call, inner) { }
}
