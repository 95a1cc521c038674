using System.Text.Json;
using System.Text.Json.Serialization;
using Klinky.Serialization;

namespace Klinky.Links;

/// <summary>
/// <c>{"links": [...], "pull_request": 42, "commit": "..."}</c>: the links a build created or updated, as Klinky.Build
/// writes them and the GitHub Action (and any script) reads them. The one definition of the file's shape: add
/// fields, never rename them. The file is the contract (docs/msbuild.md), not this type: Klinky.Build and the action
/// compile this file and LinkManifestEntry in (shared source), and Core's users never call them.
/// </summary>
internal sealed class LinkManifest
{
    private static readonly JsonSerializerOptions Options = new(KlinkyJson.Options)
    {
        WriteIndented = true,

        // Readers see pull_request and commit even when they are null: keep the keys.
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public IReadOnlyList<LinkManifestEntry> Links { get; init; } = Array.Empty<LinkManifestEntry>();

    public int? PullRequest { get; init; }

    public string? Commit { get; init; }

    /// <summary>Reads a manifest; null for an empty document or JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The text is not a manifest.</exception>
    public static LinkManifest? Parse(string json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<LinkManifest>(json, Options);

    /// <summary>The manifest as the file holds it: indented snake_case JSON ending with a newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";
}
