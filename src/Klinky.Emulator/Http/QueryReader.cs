using System.Globalization;

namespace Klinky.Emulator.Http;

/// <summary>
/// Reads <c>page</c>, <c>per_page</c>, <c>start_date</c>, <c>end_date</c> and text filters, each checked against its range,
/// collecting 422 errors that name the parameter: no value a client can send reaches the handlers out of range.
/// </summary>
internal sealed class QueryReader
{
    private const int MaxPage = 1_000_000;
    private const int MaxTextLength = 200;
    private static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly IQueryCollection _query;
    private readonly List<KlinkyFieldError> _errors = new();

    public QueryReader(HttpRequest request) => _query = request.Query;

    public IReadOnlyList<KlinkyFieldError> Errors => _errors;

    public int Page() => Integer("page", 1, 1, MaxPage);

    public int PerPage() => Integer("per_page", 20, 1, Klinky.Links.LinkRules.MaxPerPage);

    /// <summary>A text filter, at most 200 characters.</summary>
    public string? Text(string name)
    {
        var value = Raw(name);
        if (value is { Length: > MaxTextLength })
        {
            _errors.Add(new(name, $"is {value.Length} characters long, at most {MaxTextLength} are allowed"));
            return null;
        }

        return value;
    }

    private string? Raw(string name)
    {
        var value = _query[name].ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public DateRange Dates()
    {
        var start = Date("start_date", endOfDay: false);
        var end = Date("end_date", endOfDay: true);
        if (start is not null && end is not null && start > end)
        {
            _errors.Add(new("end_date", "is before start_date"));
        }

        return new DateRange(start, end);
    }

    private int Integer(string name, int fallback, int min, int max)
    {
        var text = Raw(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _errors.Add(new(name, $"'{Shorten(text)}' is not a valid integer"));
            return fallback;
        }

        if (value < min || value > max)
        {
            _errors.Add(new(name, $"{value} is out of range; it must be {min}-{max}"));
            return fallback;
        }

        return value;
    }

    private DateTimeOffset? Date(string name, bool endOfDay)
    {
        var text = Raw(name);
        if (text is null)
        {
            return null;
        }

        var value = Parse(name, text, endOfDay);
        if (value is { } instant && instant < Earliest)
        {
            _errors.Add(new(name, $"'{Shorten(text)}' is before 1970-01-01; dates must be 1970-01-01 to 9999-12-31"));
            return null;
        }

        return value;
    }

    private DateTimeOffset? Parse(string name, string text, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            // The last tick of the day, reached without passing midnight: 9999-12-31 has no next day to step back from.
            return endOfDay ? midnight.AddTicks(TimeSpan.TicksPerDay - 1) : midnight;
        }

        if (text.Length >= 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        _errors.Add(new(name, $"'{Shorten(text)}' is not an ISO-8601 date or time from 1970-01-01 to 9999-12-31 (e.g. 2026-01-15 or 2026-01-15T14:30:00Z)"));
        return null;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
