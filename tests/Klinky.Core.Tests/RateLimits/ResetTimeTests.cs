using Klinky.RateLimits;

namespace Klinky.Tests.RateLimits;

/// <summary>The one wording of a budget's reset that every product's messages use (shared source in each).</summary>
public class ResetTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 23, 50, 0, TimeSpan.Zero);

    [Fact]
    public void Describe_NamesTheDate_SinceAResetCanFallAfterMidnight()
    {
        Assert.Equal("2026-12-07 00:30:00 UTC (in about 40 min)", ResetTime.Describe(Now.AddMinutes(40), Now));
    }

    [Fact]
    public void Describe_NeverSaysZeroMinutes_ForAResetThatIsDueOrPast()
    {
        Assert.EndsWith("(in about 1 min)", ResetTime.Describe(Now.AddSeconds(5), Now), StringComparison.Ordinal);
        Assert.EndsWith("(in about 1 min)", ResetTime.Describe(Now.AddSeconds(-30), Now), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ConvertsToUtc_WhateverTheOffsetItIsGiven()
    {
        var inBerlin = new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal("2026-12-07 00:30:00 UTC", ResetTime.At(inBerlin));
    }

    [Fact]
    public void Clock_IsTheShortFormOfABudgetLine_WithSecondsOnlyWhenTheResetIsNotOnTheMinute()
    {
        Assert.Equal("00:30 UTC", ResetTime.Clock(Now.AddMinutes(40)));
        Assert.Equal("23:51:30 UTC", ResetTime.Clock(Now.AddSeconds(90)));
    }
}
