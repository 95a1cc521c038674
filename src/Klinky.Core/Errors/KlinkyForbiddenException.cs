namespace Klinky;

/// <summary>403: the key is valid but the plan has no API access (Free and Starter plans).</summary>
public sealed class KlinkyForbiddenException : KlinkyException
{
    /// <summary>
    /// What a user does about a 403, in the words every surface shows. Core's message ends with it; a surface that shows
    /// the server's detail instead of the message (a build diagnostic, an action annotation) or keeps advice apart (the
    /// module's RecommendedAction) places this constant where its own format puts advice: the words have one home, the
    /// placement is each surface's, as translating exceptions into its world is.
    /// </summary>
    public const string PlanHint = "API access needs a key of the Growth or Scale plan.";

    public KlinkyForbiddenException(string message, KlinkyCallInfo call) : base(message, call) { }
}
