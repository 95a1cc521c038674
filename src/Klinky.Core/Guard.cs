using Klinky.Links;

namespace Klinky;

/// <summary>Argument checks at the top of each public method; bad input throws before a request is spent.</summary>
internal static class Guard
{
    public static void NotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    public static void Id(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new KlinkyValidationException(new[] { new KlinkyFieldError(name, "is required") });
        }

        // An escaped path segment is still resolved as "." or "..": it would address another route.
        if (value!.Trim('.').Length == 0)
        {
            throw new KlinkyValidationException(new[] { new KlinkyFieldError(name, $"'{value}' is not an id or slug") });
        }
    }

    public static void Paging(int page, int perPage)
    {
        var errors = new List<KlinkyFieldError>();
        if (page < 1)
        {
            errors.Add(new("page", $"{page} is out of range; pages start at 1"));
        }

        if (perPage is < 1 or > LinkRules.MaxPerPage)
        {
            errors.Add(new("per_page", $"{perPage} is out of range; it must be 1-{LinkRules.MaxPerPage}"));
        }

        if (errors.Count > 0)
        {
            throw new KlinkyValidationException(errors);
        }
    }

    public static void Range(DateRange? range)
    {
        if (range?.Start is { } start && range.End is { } end && end < start)
        {
            throw new KlinkyValidationException(new[] { new KlinkyFieldError("end_date", $"{end:o} is before start_date {start:o}") });
        }
    }
}
