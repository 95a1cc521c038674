using System.Threading.Channels;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// One open event stream: a bounded queue of ready SSE frames. The feed only ever tries to add to it; when it is full the client
/// is not reading, and the subscriber is dropped (its connection aborted) instead of anything waiting for it.
/// </summary>
internal sealed class LiveSubscriber
{
    public const int QueueLength = 64;
    private readonly Channel<string> _frames = Channel.CreateBounded<string>(new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Action _abort;
    private int _dropped;

    public LiveSubscriber(string linkId, Action abort)
    {
        LinkId = linkId;
        _abort = abort;
    }

    public string LinkId { get; }

    public ChannelReader<string> Frames => _frames.Reader;

    public bool IsDropped => Volatile.Read(ref _dropped) != 0;

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
        if (Interlocked.Exchange(ref _dropped, 1) == 0)
        {
            _frames.Writer.TryComplete();
            _abort();
        }
    }
}
