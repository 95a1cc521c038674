namespace Klinky.PowerShell.Tests;

public class DateArgumentsTests
{
    [Fact]
    public void Range_AnUnzonedDate_IsTheUsersLocalTimeSentInUtc()
    {
        var typed = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Unspecified);

        var range = DateArguments.Range(typed, null);

        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(typed, DateTimeKind.Local)).ToUniversalTime(), range.Start);
        Assert.Equal(TimeSpan.Zero, range.Start!.Value.Offset);
        Assert.Null(range.End);
    }

    [Fact]
    public void Range_AUtcDate_StaysTheSameInstant()
    {
        var end = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTimeOffset(end), DateArguments.Range(null, end).End);
    }
}
