namespace Klinky.Emulator.Storage;

/// <summary>What the <see cref="ClickWriter"/>'s queue carries: a <see cref="ClickEvent"/> or a <see cref="FlushRequest"/>.</summary>
internal abstract class ClickQueueItem
{
}
