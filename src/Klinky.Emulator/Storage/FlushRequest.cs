namespace Klinky.Emulator.Storage;

/// <summary>A read waiting for every click queued before it to have had its commit attempted.</summary>
internal sealed class FlushRequest : ClickQueueItem
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
