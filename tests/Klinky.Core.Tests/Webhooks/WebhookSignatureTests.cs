using Klinky.Webhooks;

namespace Klinky.Tests.Webhooks;

public class WebhookSignatureTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const string Body = """{"id":"evt_1","type":"winner.declared","created_at":"2026-11-25T12:00:00Z","data":{}}""";

    [Fact]
    public void Sign_MatchesAnIndependentlyComputedHmac()
    {
        // printf '%s' '1795608000.{"id":"evt_1",...}' | openssl dgst -sha256 -hmac whsec_test  (here via .NET's own HMACSHA256)
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "whsec_test"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes("1795608000." + Body)));

        Assert.Equal("t=1795608000,v1=" + expected, WebhookSignature.Sign("whsec_test", Sent, Body));
    }

    [Fact]
    public void Verify_FreshSignatureOfTheSameBody_IsValid() =>
        Assert.Equal(WebhookVerification.Valid, WebhookSignature.Verify("whsec_test", WebhookSignature.Sign("whsec_test", Sent, Body), Body, Sent.AddMinutes(4)));

    [Fact]
    public void Verify_SignatureOlderThanFiveMinutes_IsExpired() =>
        Assert.Equal(WebhookVerification.Expired, WebhookSignature.Verify("whsec_test", WebhookSignature.Sign("whsec_test", Sent, Body), Body, Sent.AddMinutes(6)));

    [Fact]
    public void Verify_TamperedBody_IsMismatch() =>
        Assert.Equal(WebhookVerification.Mismatch, WebhookSignature.Verify("whsec_test", WebhookSignature.Sign("whsec_test", Sent, Body), Body.Replace("evt_1", "evt_2", StringComparison.Ordinal), Sent));

    [Fact]
    public void Verify_OtherSecret_IsMismatch() =>
        Assert.Equal(WebhookVerification.Mismatch, WebhookSignature.Verify("whsec_other", WebhookSignature.Sign("whsec_test", Sent, Body), Body, Sent));

    [Theory]
    [InlineData(null, WebhookVerification.Missing)]
    [InlineData("", WebhookVerification.Missing)]
    [InlineData("v1=abc", WebhookVerification.Malformed)]
    [InlineData("t=soon,v1=abc", WebhookVerification.Malformed)]
    [InlineData("t=1795608000", WebhookVerification.Malformed)]
    [InlineData("t=99999999999999,v1=abc", WebhookVerification.Malformed)]
    public void Verify_BrokenHeader_IsRejected(string? header, WebhookVerification expected) =>
        Assert.Equal(expected, WebhookSignature.Verify("whsec_test", header, Body, Sent));
}
