using Klinky.Links;

namespace Klinky.Build.Links;

/// <summary>A link as Klinky holds it after the upsert, and what the upsert did.</summary>
internal sealed record UpsertResult(PreviewLinkDefinition Definition, Link Link, UpsertStatus Status)
{
    public string StatusText => Status.ToString().ToLowerInvariant();
}
