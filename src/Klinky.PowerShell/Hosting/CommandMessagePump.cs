using System.Collections.Concurrent;

namespace Klinky.PowerShell.Hosting;

/// <summary>
/// Carries work from the async Core call back to the cmdlet's pipeline thread: PowerShell only accepts
/// WriteVerbose, WriteDebug and WriteProgress from the thread that runs the cmdlet.
/// </summary>
internal sealed class CommandMessagePump
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly BlockingCollection<Action<KlinkyCmdlet>> _messages = new();

    public void Post(Action<KlinkyCmdlet> message)
    {
        try
        {
            _messages.TryAdd(message);
        }
        catch (InvalidOperationException)
        {
            // The call already finished; a late notice has nobody left to tell.
        }
    }

    /// <summary>Runs posted messages on the calling thread until <paramref name="work"/> completes; ticks let the cmdlet refresh a countdown.</summary>
    public void RunUntilComplete(Task work, KlinkyCmdlet cmdlet)
    {
        work.ContinueWith(_ => _messages.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!_messages.IsCompleted)
        {
            if (_messages.TryTake(out var message, Tick))
            {
                message(cmdlet);
            }
            else
            {
                cmdlet.ReportTick();
            }
        }
    }
}
