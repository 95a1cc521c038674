namespace Klinky;

/// <summary>404: the link (or the route) does not exist for this key.</summary>
public sealed class KlinkyNotFoundException : KlinkyException
{
    public KlinkyNotFoundException(string message, KlinkyCallInfo call) : base(message, call) { }
}
