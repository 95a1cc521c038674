using Klinky.Http;

namespace Klinky.Paging;

/// <summary>
/// A list answer as it arrives. The contract promises <c>items</c> and <c>total</c>: an answer without them (a bare
/// <c>{}</c> from a gateway) is not an empty page, it is an answer the client cannot trust.
/// </summary>
internal sealed class PageBody<T> : IRequiredFields
{
    public List<T>? Items { get; init; }
    public int? Total { get; init; }
    public int? Page { get; init; }
    public int? PerPage { get; init; }

    public string? FirstMissing => Items is null ? "items" : Total is null ? "total" : null;

    // The contract only promises items and total: paging must not depend on the server repeating what was asked.
    public PagedResult<T> AsRequested(int page, int perPage) => new()
    {
        Items = Items ?? new List<T>(),
        Total = Total ?? 0,
        Page = Page is > 0 ? Page.Value : page,
        PerPage = PerPage is > 0 ? PerPage.Value : perPage,
    };
}
