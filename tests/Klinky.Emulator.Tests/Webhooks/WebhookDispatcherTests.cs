using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Webhooks;

public sealed class WebhookDispatcherTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public WebhookDispatcherTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task LinkCreated_IsDeliveredSigned_ToALoopbackReceiver()
    {
        const string secret = "whsec_test_0123456789";
        var (receiver, status, answer) = await WebhookReceiver.RegisterAsync(_fixture.Api, secret, "link.created");
        await using var _ = receiver;
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.DoesNotContain(secret, answer);

        var slug = Api.NewSlug("hook");
        await Api.CreateLinkAsync(_fixture.Api, slug);
        var (body, signature) = await receiver.ReceiveAsync(Poll.GenerousDeadline);

        var parts = signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(parts["t"] + "." + body)));
        Assert.Equal(expected, parts["v1"]);
        Assert.Equal(Klinky.Webhooks.WebhookVerification.Valid, Klinky.Webhooks.WebhookSignature.Verify(secret, signature, body, DateTimeOffset.UtcNow));
        Assert.Contains("\"type\":\"link.created\"", body);
        Assert.Contains(slug, body);
    }

    [Fact]
    public async Task Delivery_RefusedByTheReceiver_IsRetriedWithTheSameEvent()
    {
        const string secret = "whsec_retry_0123456789";
        var (receiver, _, _) = await WebhookReceiver.RegisterAsync(_fixture.Api, secret, "link.created");
        await using var _ = receiver;
        var slug = Api.NewSlug("retry");
        await Api.CreateLinkAsync(_fixture.Api, slug);

        var (refused, _) = await receiver.ReceiveAsync(Poll.GenerousDeadline, status: 500);
        var (retried, signature) = await receiver.ReceiveAsync(Poll.GenerousDeadline);

        Assert.Contains(slug, refused);
        Assert.Equal(EventId(refused), EventId(retried));
        Assert.Equal(Klinky.Webhooks.WebhookVerification.Valid, Klinky.Webhooks.WebhookSignature.Verify(secret, signature, retried, DateTimeOffset.UtcNow));
    }

    private static string? EventId(string body) => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();

    [Fact]
    public async Task NonLoopbackUrl_Answers422()
    {
        using var response = await _fixture.Api.PostAsJsonAsync("api/v1/public/webhooks", new { url = "https://example.com/hook", secret = "0123456789", events = new[] { "link.created" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("loopback", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delivery_AnsweredWithARedirect_IsNotFollowed()
    {
        var (receiver, status, _) = await WebhookReceiver.RegisterAsync(_fixture.Api, "whsec_redirect_0123456789", "link.created");
        await using var _ = receiver;
        await using var elsewhere = WebhookReceiver.Unregistered(_fixture.Api);
        Assert.Equal(HttpStatusCode.Created, status);

        await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug("hop"));
        await receiver.ReceiveAsync(Poll.GenerousDeadline, status: 307, location: elsewhere.Url);

        // A 3xx is a failed attempt, retried at the registered address: once the retry is here, a followed redirect would
        // already have been sent (it comes before the retry) and sit in the other listener's queue, so the short wait
        // below only reads that queue; it is no clock a loaded machine could miss.
        await receiver.ReceiveAsync(Poll.GenerousDeadline);
        await Assert.ThrowsAsync<TimeoutException>(() => elsewhere.ReceiveAsync(TimeSpan.FromSeconds(2)));
    }
}
