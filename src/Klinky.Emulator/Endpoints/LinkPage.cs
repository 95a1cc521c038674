namespace Klinky.Emulator.Endpoints;

/// <summary>A listing page on the wire: <c>{"items": [...], "total": N, "page": P, "per_page": K}</c>.</summary>
internal sealed record LinkPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PerPage);
