namespace Klinky.Tests;

public class KlinkyBaseUrlTests
{
    private const string Key = "klinky_live_0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("https://klinky-api.fly.dev/api/v1")]
    [InlineData("http://127.0.0.1:5080/api/v1/")]
    public void Check_AnAbsoluteHttpUrl_IsAccepted(string baseUrl) => Assert.Null(KlinkyBaseUrl.Check(baseUrl, Key));

    [Theory]
    [InlineData("ftp://example.com/api/v1")]
    [InlineData("/api/v1")]
    [InlineData("")]
    public void Check_AnythingElse_NamesTheFieldAndTheRule(string baseUrl)
    {
        var error = KlinkyBaseUrl.Check(baseUrl, Key);

        Assert.Equal("base_url", error?.Field);
        Assert.Contains("is not an absolute http(s) URL", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TheApiKeyPastedAsTheBaseUrl_NeverEchoesTheKey()
    {
        var error = KlinkyBaseUrl.Check(" " + Key + " ", Key);

        Assert.DoesNotContain(Key, error!.ToString(), StringComparison.Ordinal);
        Assert.Contains("'[redacted]'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductToken_DropsTheCommitSuffix()
    {
        var token = KlinkyUserAgent.ProductToken("Klinky.Core", typeof(KlinkyClient).Assembly);

        Assert.Matches(@"^Klinky\.Core/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", token);
    }
}
