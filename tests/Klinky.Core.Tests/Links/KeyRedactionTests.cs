using Flurl.Http.Testing;
using Klinky.Links;
using Klinky.Tests.Support;

namespace Klinky.Tests.Links;

/// <summary>The API key pasted into the wrong field is never quoted back by local validation.</summary>
public class KeyRedactionTests
{
    [Fact]
    public async Task CreateAsync_TheKeyAsADestination_FailsWithoutQuotingTheKeyAndSendsNothing()
    {
        using var http = new HttpTest();
        using var client = FakeKlinky.Client();
        var request = new CreateLinkRequest("Checkout", new[] { new Variant("control", FakeKlinky.ApiKey, 100) });

        var error = await Assert.ThrowsAsync<KlinkyValidationException>(() => client.Links.CreateAsync(request));

        Assert.DoesNotContain(FakeKlinky.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.All(error.Errors, e => Assert.DoesNotContain(FakeKlinky.ApiKey, e.ToString(), StringComparison.Ordinal));
        Assert.Contains("variants[0].destination_url: '[redacted]' is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
        http.ShouldNotHaveMadeACall();
    }

    [Fact]
    public async Task ReplaceVariantsAsync_TheKeyAsALabel_FailsWithoutQuotingTheKey()
    {
        using var http = new HttpTest();
        using var client = FakeKlinky.Client();
        var variants = new[] { new Variant(FakeKlinky.ApiKey, "https://a.example", 50), new Variant(FakeKlinky.ApiKey, "https://b.example", 50) };

        var error = await Assert.ThrowsAsync<KlinkyValidationException>(() => client.Links.ReplaceVariantsAsync("abc", variants));

        Assert.DoesNotContain(FakeKlinky.ApiKey, error.Message, StringComparison.Ordinal);
        http.ShouldNotHaveMadeACall();
    }
}
