using Klinky.Http;

namespace Klinky.PowerShell.Hosting;

/// <summary>
/// Routes the client's request and wait callbacks to the cmdlet whose call caused them. The client is shared by every
/// cmdlet of a session; the callbacks run on thread-pool threads, so they are queued for the cmdlet's pipeline thread.
/// </summary>
internal static class RequestObserver
{
    private static readonly AsyncLocal<CommandMessagePump?> CurrentPump = new();

    public static void Attach(CommandMessagePump pump) => CurrentPump.Value = pump;

    public static void OnRequest(KlinkyRequestLog log) => CurrentPump.Value?.Post(cmdlet => cmdlet.ReportRequest(log));

    public static void OnWait(KlinkyWaitNotice notice) => CurrentPump.Value?.Post(cmdlet => cmdlet.ReportWait(notice));
}
