using System.Threading.Channels;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// One open event stream: a bounded queue of ready SSE frames. The feed only ever tries to add to it; when it is full the client
/// is not reading, and the subscriber is dropped (<see cref="Dropped"/> fires, and the stream's handler closes its connection)
/// instead of anything waiting for it.
/// </summary>
internal sealed class LiveSubscriber
{
    public const int QueueLength = 64;
    private readonly Channel<string> _frames = Channel.CreateBounded<string>(new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    // Never disposed: it has no timer and links nothing, and the feed may still drop a subscriber its handler has left.
    private readonly CancellationTokenSource _dropped = new();
    private int _isDropped;

    public LiveSubscriber(string linkId, long[]? baseline)
    {
        LinkId = linkId;
        Baseline = baseline;
    }

    public string LinkId { get; }

    /// <summary>The link's counts when the stream opened: what the first change is measured from.</summary>
    public long[]? Baseline { get; }

    public ChannelReader<string> Frames => _frames.Reader;

    /// <summary>Cancelled when the subscriber is dropped: the handler's writes stop even while the client's window is shut.</summary>
    public CancellationToken Dropped => _dropped.Token;

    public bool IsDropped => Volatile.Read(ref _isDropped) != 0;

    /// <summary>Queues <paramref name="frame"/>, or drops this subscriber when its queue is full. Never waits.</summary>
    public bool Offer(string frame)
    {
        if (_frames.Writer.TryWrite(frame))
        {
            return true;
        }

        Drop();
        return false;
    }

    public void Drop()
    {
        if (Interlocked.Exchange(ref _isDropped, 1) == 0)
        {
            _frames.Writer.TryComplete();
            _dropped.Cancel();
        }
    }
}
