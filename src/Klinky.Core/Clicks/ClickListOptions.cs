namespace Klinky.Clicks;

/// <summary>Query of <c>GET /public/links/{id}/clicks</c>.</summary>
public sealed class ClickListOptions
{
    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = Links.LinkRules.MaxPerPage;
    public DateRange Range { get; init; } = DateRange.All;
}
