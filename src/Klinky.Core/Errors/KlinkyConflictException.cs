namespace Klinky;

/// <summary>409: the slug is taken, or an Idempotency-Key was reused with another body.</summary>
public sealed class KlinkyConflictException : KlinkyException
{
    public KlinkyConflictException(string message, KlinkyCallInfo call) : base(message, call) { }
}
