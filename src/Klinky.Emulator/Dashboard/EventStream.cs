namespace Klinky.Emulator.Dashboard;

/// <summary>
/// <c>GET /_klinky/links/{id}/events</c>: server-sent events for one link. Frames come from the subscriber's bounded queue; a
/// client that stops reading fills it and is dropped by the feed, which cancels the writes here, and the connection is aborted
/// (from this handler, while the request is still its own).
/// </summary>
internal static class EventStream
{
    public static async Task ServeAsync(HttpContext context, Storage.LinkRecord link, LiveFeed feed)
    {
        var subscriber = feed.Subscribe(link.Id);
        if (subscriber is null)
        {
            await DashboardResponses.TextAsync(context, StatusCodes.Status503ServiceUnavailable, $"Too many open event streams (at most {LiveFeed.MaxSubscribers}); close a dashboard tab.").ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscriber.Dropped);
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await context.Response.WriteAsync("retry: 2000\n\n", stop.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            await foreach (var frame in subscriber.Frames.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await context.Response.WriteAsync(frame, stop.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, or was dropped for not reading.
        }
        finally
        {
            feed.Unsubscribe(subscriber);
        }

        if (subscriber.IsDropped)
        {
            // Whatever is still unsent would wait for a client that does not read: close the connection instead.
            context.Abort();
        }
    }
}
