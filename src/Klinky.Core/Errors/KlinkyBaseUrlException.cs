namespace Klinky;

/// <summary>
/// A 404 or 405 that did not come from Klinky, on a route every Klinky API has: the base URL points at some other
/// server or path (often the host without <c>/api/v1</c>). The message says so and what the base URL should look like.
/// </summary>
public sealed class KlinkyBaseUrlException : KlinkyException
{
    public KlinkyBaseUrlException(string message, KlinkyCallInfo call) : base(message, call) { }
}
