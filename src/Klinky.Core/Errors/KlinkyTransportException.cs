namespace Klinky;

/// <summary>No HTTP answer at all: connection refused, DNS failure, TLS failure or timeout. The message names the base URL.</summary>
public class KlinkyTransportException : KlinkyException
{
    public KlinkyTransportException(string message, KlinkyCallInfo call, Exception? inner) : base(message, call, inner) { }
}

/// <summary>The call did not finish within <see cref="KlinkyClientOptions.Timeout"/>.</summary>
public sealed class KlinkyTimeoutException : KlinkyTransportException
{
    public KlinkyTimeoutException(string message, KlinkyCallInfo call, Exception? inner) : base(message, call, inner) { }
}
