namespace Klinky;

/// <summary>403: the key is valid but the plan has no API access (Free and Starter plans).</summary>
public sealed class KlinkyForbiddenException : KlinkyException
{
    public KlinkyForbiddenException(string message, KlinkyCallInfo call) : base(message, call) { }
}
