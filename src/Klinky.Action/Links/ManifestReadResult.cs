namespace Klinky.Action.Links;

/// <summary>The manifest files a pattern matched and the links they list, in file order.</summary>
internal sealed record ManifestReadResult(IReadOnlyList<string> Files, IReadOnlyList<Klinky.Links.LinkManifestEntry> Entries);
