using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>
/// A link to report. <see cref="Link"/> is the full link when a listing returned it (stats then cost one request even in
/// fallback mode); a manifest gives only id, slug and name, kept in <see cref="Known"/> for the report's headings.
/// </summary>
internal sealed record LinkTarget(string Id, Link? Link, Link? Known, string Source)
{
    public string Display => (Link ?? Known)?.Slug is { Length: > 0 } slug ? slug : Id;
}
