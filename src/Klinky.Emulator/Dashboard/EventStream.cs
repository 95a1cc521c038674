namespace Klinky.Emulator.Dashboard;

/// <summary>
/// <c>GET /_klinky/links/{id}/events</c>: server-sent events for one link. Frames come from the subscriber's bounded queue; a
/// client that stops reading fills it and is dropped by the feed, which aborts the connection, so its write here ends too.
/// </summary>
internal static class EventStream
{
    public static async Task ServeAsync(HttpContext context, Storage.LinkRecord link, LiveFeed feed)
    {
        var subscriber = feed.Subscribe(link.Id, context.Abort);
        if (subscriber is null)
        {
            await DashboardResponses.TextAsync(context, StatusCodes.Status503ServiceUnavailable, $"Too many open event streams (at most {LiveFeed.MaxSubscribers}); close a dashboard tab.").ConfigureAwait(false);
            return;
        }

        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await context.Response.WriteAsync("retry: 2000\n\n", context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await foreach (var frame in subscriber.Frames.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
            {
                await context.Response.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left, or was dropped for not reading.
        }
        finally
        {
            feed.Unsubscribe(subscriber);
        }
    }
}
