using System.Globalization;
using Klinky.Emulator.Redirects;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Tests.Redirects;

public sealed class VisitSessionTests : IDisposable
{
    private const string LinkId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly Database _database = new(null);
    private readonly SessionSigner _signer;

    public VisitSessionTests() => _signer = new SessionSigner(_database);

    private static string CookieValueOf(string setCookie) => setCookie.Split(';')[0].Split('=', 2)[1];

    [Fact]
    public void Read_TheCookieAStartedSessionSets_GivesTheSameClickIdBack()
    {
        var started = VisitSession.Start(Now);
        var header = started.SetCookieHeader(LinkId, "checkout-pr42", _signer);

        var read = VisitSession.Read(CookieValueOf(header), LinkId, Now.AddMinutes(29), _signer);

        Assert.Equal(started.ClickId, read?.ClickId);
        Assert.Contains("Path=/checkout-pr42", header, StringComparison.Ordinal);
        Assert.Contains("HttpOnly", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AfterThirtyMinutes_StartsOver() =>
        Assert.Null(VisitSession.Read(CookieValueOf(VisitSession.Start(Now).SetCookieHeader(LinkId, "s-1", _signer)), LinkId, Now.AddMinutes(30), _signer));

    [Fact]
    public void Read_ASessionOfAnotherLink_IsIgnored()
    {
        // A deleted link's slug can be taken by a new link: its visitors' sessions must not carry over.
        var other = VisitSession.Start(Now).SetCookieHeader("9a1c7f00-0000-4000-8000-000000000001", "s-1", _signer);

        Assert.Null(VisitSession.Read(CookieValueOf(other), LinkId, Now, _signer));
    }

    [Theory]
    [InlineData("")]
    [InlineData(LinkId)]
    [InlineData(LinkId + ".")]
    [InlineData(LinkId + ".not-a-guid.1795000000")]
    [InlineData(LinkId + ".0f8fad5b-d9cb-469f-a165-70867728950e.soon")]
    [InlineData(LinkId + ".0f8fad5b-d9cb-469f-a165-70867728950e.-5")]
    public void Read_MalformedCookie_IsIgnored(string cookie) => Assert.Null(VisitSession.Read(cookie, LinkId, Now, _signer));

    [Fact]
    public void Read_AWellFormedCookieTheClientWrote_IsIgnored()
    {
        var forged = string.Create(CultureInfo.InvariantCulture, $"{LinkId}.{Guid.NewGuid()}.{Now.AddYears(10).ToUnixTimeSeconds()}");

        Assert.Null(VisitSession.Read(forged, LinkId, Now, _signer));
        Assert.Null(VisitSession.Read(forged + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", LinkId, Now, _signer));
    }

    [Fact]
    public void Read_ACookieSignedByAnotherEmulator_IsIgnored()
    {
        using var otherDatabase = new Database(null);
        var header = VisitSession.Start(Now).SetCookieHeader(LinkId, "s-1", new SessionSigner(otherDatabase));

        Assert.Null(VisitSession.Read(CookieValueOf(header), LinkId, Now, _signer));
    }

    [Fact]
    public void Read_ASignedExpiryBeyondOneSessionLength_IsIgnored()
    {
        var longLived = new VisitSession(Guid.NewGuid().ToString(), Now.AddYears(10).ToUnixTimeSeconds()).SetCookieHeader(LinkId, "s-1", _signer);

        Assert.Null(VisitSession.Read(CookieValueOf(longLived), LinkId, Now, _signer));
    }

    public void Dispose() => _database.Dispose();
}
