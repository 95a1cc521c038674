namespace Klinky.Http;

/// <summary>Why and how long the client is about to wait before its next attempt (set by the client, read by <see cref="KlinkyClientOptions.OnWait"/>).</summary>
public sealed class KlinkyWaitNotice
{
    public KlinkyWaitReason Reason { get; internal init; }

    public TimeSpan Delay { get; internal init; }

    public int NextAttempt { get; internal init; }
}
