using Klinky.Emulator.Redirects;

namespace Klinky.Emulator.Tests.Redirects;

public sealed class LocationHeaderTests
{
    [Theory]
    [InlineData("https://example.com/a?b=c#d", "https://example.com/a?b=c#d")]
    [InlineData("https://ex\u00E4mple.com/caf\u00E9", "https://xn--exmple-cua.com/caf%C3%A9")]
    [InlineData("https://example.com/a\r\nSet-Cookie: x=1", "https://example.com/a%0D%0ASet-Cookie:%20x=1")]
    [InlineData("https://example.com/a\u2028b", "https://example.com/a%E2%80%A8b")]
    public void For_AStoredDestination_IsVisibleAsciiKestrelCanSend(string destination, string expected)
    {
        var location = LocationHeader.For(destination);

        Assert.Equal(expected, location);
        Assert.All(location, c => Assert.InRange(c, '\u0021', '\u007E'));
    }
}
