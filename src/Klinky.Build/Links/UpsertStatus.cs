namespace Klinky.Build.Links;

/// <summary>What the build did to a link; written as lower case (<c>created</c>) in logs and the manifest.</summary>
internal enum UpsertStatus
{
    Created,
    Updated,
    Unchanged,
}
