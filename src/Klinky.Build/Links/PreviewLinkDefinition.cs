using Klinky.Links;

namespace Klinky.Build.Links;

/// <summary>One <c>KlinkyPreviewLink</c> item with its variants, resolved to the slug it lives at.</summary>
internal sealed record PreviewLinkDefinition(string ItemName, string Name, string Slug, IReadOnlyList<Variant> Variants);
