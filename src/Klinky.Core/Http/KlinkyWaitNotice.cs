namespace Klinky.Http;

/// <summary>Why and how long the client is about to wait before its next attempt.</summary>
public sealed class KlinkyWaitNotice
{
    public KlinkyWaitReason Reason { get; init; }

    public TimeSpan Delay { get; init; }

    public int NextAttempt { get; init; }
}
