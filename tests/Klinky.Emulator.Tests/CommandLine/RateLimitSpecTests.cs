using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Tests.CommandLine;

public sealed class RateLimitSpecTests
{
    [Theory]
    [InlineData("100/60s", 100, 60)]
    [InlineData("5/2m", 5, 120)]
    [InlineData(" 1000 / 1h ", 1000, 3600)]
    public void Parse_LimitPerWindow_ReadsBoth(string text, int limit, int seconds)
    {
        var spec = RateLimitSpec.Parse(text);

        Assert.Equal(limit, spec.Limit);
        Assert.Equal(TimeSpan.FromSeconds(seconds), spec.Window);
    }

    [Theory]
    [InlineData("100", "must look like 100/60s")]
    [InlineData("0/60s", "--rate-limit limit must be a whole number 1-")]
    [InlineData("many/60s", "--rate-limit limit must be a whole number 1-")]
    [InlineData("100/0s", "--rate-limit window must be")]
    [InlineData("100/60", "--rate-limit window must be")]
    [InlineData("100/25h", "--rate-limit window must be")]
    [InlineData("100/-5s", "--rate-limit window must be")]
    public void Parse_Malformed_NamesTheOptionAndTheRule(string text, string message)
    {
        var error = Assert.Throws<UsageException>(() => RateLimitSpec.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
