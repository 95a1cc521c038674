using Flurl.Http.Testing;
using Klinky.RateLimits;
using Klinky.Tests.Support;

namespace Klinky.Tests.RateLimits;

public class RequestBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 14, 5, 0, TimeSpan.Zero);
    private static readonly RateLimitState FortyLeft = new(100, 40, Now.AddMinutes(55));

    [Theory]
    [InlineData(nameof(BudgetRole.Report), 20, 20)]
    [InlineData(nameof(BudgetRole.Report), 0, 40)]
    [InlineData(nameof(BudgetRole.Report), 60, 0)]
    [InlineData(nameof(BudgetRole.Build), 20, 40)]
    [InlineData(nameof(BudgetRole.Build), 60, 40)]
    public void Allowance_AReportLeavesTheReserve_ABuildMaySpendIt(string role, int reserve, int expected)
    {
        // The role by name: BudgetRole is internal (shared source of the products), and a public test method's parameters must be public.
        Assert.Equal(expected, RequestBudget.Allowance(FortyLeft, Enum.Parse<BudgetRole>(role), reserve, Now));
    }

    [Fact]
    public void Allowance_WhenTheWindowHasEnded_CountsTheWholeLimit()
    {
        var spent = new RateLimitState(100, 0, Now.AddSeconds(-1));

        Assert.Equal(80, RequestBudget.Allowance(spent, BudgetRole.Report, 20, Now));
        Assert.Equal(100, RequestBudget.Allowance(spent, BudgetRole.Build, 20, Now));
    }

    [Theory]
    [InlineData(false, 20, 50)]
    [InlineData(true, 0, 10)]
    public void ReportAllowance_FiguresOfTheRunningWindow_LeaveHalfOfTheReportsShareToOlderOnes(bool ofThisWindow, int withForty, int withSeventy)
    {
        // 100 a window, 20 to builds: reports share 80; one whose figures are of this window leaves 40 of it to the others.
        Assert.Equal(40, RequestBudget.ThisWindowRoom(100, 20));
        Assert.Equal(withForty, RequestBudget.ReportAllowance(FortyLeft, 20, ofThisWindow, Now));
        Assert.Equal(withSeventy, RequestBudget.ReportAllowance(new RateLimitState(100, 70, FortyLeft.ResetsAt), 20, ofThisWindow, Now));
    }

    [Fact]
    public void ReportAllowance_WhenTheWindowHasEnded_OrIsUnknown_LeavesOnlyTheReserve()
    {
        var ended = new RateLimitState(100, 0, Now.AddSeconds(-1));

        Assert.Equal(80, RequestBudget.ReportAllowance(ended, 20, figuresOfThisWindow: true, Now));
        Assert.Null(RequestBudget.ReportAllowance(null, 20, figuresOfThisWindow: true, Now));
    }

    [Fact]
    public void Allowance_Unknown_IsNull_AndANegativeReserveIsRefused()
    {
        Assert.Null(RequestBudget.Allowance(null, BudgetRole.Report, 20, Now));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RequestBudget.Allowance(FortyLeft, BudgetRole.Report, -1, Now));
        Assert.Equal("reserve", error.ParamName);
    }

    [Fact]
    public void PlanRefresh_TakesNeverReadThenStalestFirst_AndKeepsTheRestInTheirOrder()
    {
        var readAt = new Dictionary<string, DateTimeOffset?>
        {
            ["a"] = Now.AddMinutes(-5),
            ["b"] = Now.AddMinutes(-50),
            ["c"] = null,
            ["d"] = Now.AddMinutes(-20),
        };

        var plan = RequestBudget.PlanRefresh(readAt.Keys, k => readAt[k], allowance: 3);

        Assert.Equal(new[] { "c", "b", "d" }, plan.Refresh);
        Assert.Equal(new[] { "a" }, plan.Keep);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-3, 0)]
    [InlineData(5, 2)]
    public void PlanRefresh_CountsTheCostOfEachItem(int allowance, int refreshed)
    {
        var plan = RequestBudget.PlanRefresh(new[] { "a", "b", "c" }, _ => null, allowance, costEach: 2);

        Assert.Equal(refreshed, plan.Refresh.Count);
        Assert.Equal(3 - refreshed, plan.Keep.Count);
    }

    [Fact]
    public void PlanRefresh_UnknownBudget_RefreshesEverything()
    {
        var plan = RequestBudget.PlanRefresh(new[] { "a", "b" }, _ => Now, allowance: null);

        Assert.Equal(new[] { "a", "b" }, plan.Refresh);
        Assert.Empty(plan.Keep);
    }

    [Fact]
    public void Describe_SaysWhatWasSpentAndWhatIsLeftUntilWhen()
    {
        Assert.Equal("spent 1 Klinky request; 40 of 100 left until 15:00 UTC", RequestBudget.Describe(1, FortyLeft));
        Assert.Equal("spent 0 Klinky requests; 0 of 100 left until 14:06:30 UTC", RequestBudget.Describe(0, new RateLimitState(100, 0, Now.AddSeconds(90))));
        Assert.Equal("spent 3 Klinky requests; the budget left is unknown (no rate-limit answer seen)", RequestBudget.Describe(3, null));
    }

    [Fact]
    public async Task ReadAsync_WhenTheServerWillNotSay_ReturnsWhatTheHeadersSaidWithoutThrowing()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 200, FakeKlinky.RateHeaders(57, FortyLeft.Reset))
            .RespondWith("""{"detail": "Not authenticated"}""", 401);
        using var client = FakeKlinky.Client(new InstantTimeProvider(Now));
        await client.Links.GetAsync("x");

        var state = await RequestBudget.ReadAsync(client);

        Assert.Equal(57, state!.Remaining);
        Assert.Equal(1, client.RequestsSent);
    }
}
