namespace Klinky;

/// <summary>5xx after the retries the call allowed.</summary>
public sealed class KlinkyServerException : KlinkyException
{
    public KlinkyServerException(string message, KlinkyCallInfo call) : base(message, call) { }
}
