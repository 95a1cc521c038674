using Klinky.Emulator.Storage;
using Klinky.Emulator.Tests.Support;
using Klinky.Emulator.Webhooks;

namespace Klinky.Emulator.Tests.Webhooks;

/// <summary>The dispatcher's queue is bounded: a publish that finds it full is dropped and said so, never held or lost unseen.</summary>
public sealed class WebhookQueueTests
{
    [Fact]
    public void Publish_WhenTheQueueIsFull_DropsThatDelivery_AndLogsWhichHookAndEvent()
    {
        using var database = new Database(null);
        var log = new RecordingLogger<WebhookDispatcher>();

        // Not started: nothing takes deliveries off the queue, so it fills.
        using var dispatcher = new WebhookDispatcher(database, TimeProvider.System, log);
        dispatcher.Add(new WebhookSubscription("wh_full", "ws_1", "http://127.0.0.1:9/hook", "whsec_0123456789", ["link.created"], DateTimeOffset.UtcNow));
        for (var i = 0; i < WebhookDispatcher.QueueLength; i++)
        {
            dispatcher.Publish("ws_1", "link.created", new { i });
        }

        Assert.Empty(log.Warnings);

        dispatcher.Publish("ws_1", "link.created", new { overflow = true });

        var warning = Assert.Single(log.Warnings);
        Assert.Contains("Webhook wh_full: link.created was not delivered", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_0123456789", warning, StringComparison.Ordinal);
    }
}
