namespace Klinky;

/// <summary>403: the key is valid but the plan has no API access (Free and Starter plans).</summary>
public sealed class KlinkyForbiddenException : KlinkyException
{
    /// <summary>What a user does about a 403, in the words every surface shows.</summary>
    public const string PlanHint = "API access needs a key of the Growth or Scale plan.";

    public KlinkyForbiddenException(string message, KlinkyCallInfo call) : base(message, call) { }
}
