namespace Klinky.PowerShell;

/// <summary>-Start/-End as PowerShell users type them (local time unless a zone is given), sent to the API in UTC.</summary>
internal static class DateArguments
{
    public static DateRange Range(DateTime? start, DateTime? end) => new(ToUtc(start), ToUtc(end));

    private static DateTimeOffset? ToUtc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Local).ToUniversalTime() : v.ToUniversalTime()) : null;
}
