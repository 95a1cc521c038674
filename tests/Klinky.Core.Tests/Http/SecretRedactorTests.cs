using Klinky.Http;

namespace Klinky.Tests.Http;

public class SecretRedactorTests
{
    [Fact]
    public void Redact_EveryAddedSecret_WithTheOneMark_IgnoringVeryShortValues()
    {
        var redactor = new SecretRedactor("klinky_live_key");
        redactor.Add("ghs_token_value");
        redactor.Add("ab");
        redactor.Add("  ");

        Assert.Equal("key [redacted], token [redacted] and ab", redactor.Redact("key klinky_live_key, token ghs_token_value and ab"));
    }

    [Fact]
    public void Redact_TheKeyInUse_EvenWhenShort()
    {
        Assert.Equal("a [redacted] b", SecretRedactor.Redact("a k1 b", "k1"));
        Assert.Equal("a k1 b", SecretRedactor.Redact("a k1 b", null));
    }
}
