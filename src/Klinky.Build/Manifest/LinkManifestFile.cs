using System.Text.Json;
using Klinky.Links;

namespace Klinky.Build.Manifest;

/// <summary>
/// Reads and writes the manifest (its shape is Core's <see cref="LinkManifest"/>, shared with the Action). Several projects of one build may share a manifest path: entries of the same
/// commit are merged by slug, so each project adds its links; a manifest from another commit is replaced.
/// </summary>
internal static class LinkManifestFile
{
    public static Task WriteAsync(string path, LinkManifest manifest, CancellationToken cancellationToken) =>
        LockedFile.UpdateAsync(path, current => Serialize(Merge(Parse(current), manifest)), cancellationToken);

    public static LinkManifest? Read(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : null;

    public static string Serialize(LinkManifest manifest) => manifest.ToJson();

    public static LinkManifest? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return LinkManifest.Parse(json);
        }
        catch (JsonException)
        {
            // A hand-edited or truncated file is replaced, not merged.
            return null;
        }
    }

    private static LinkManifest Merge(LinkManifest? existing, LinkManifest update)
    {
        if (existing is null || existing.PullRequest != update.PullRequest || !string.Equals(existing.Commit, update.Commit, StringComparison.Ordinal))
        {
            return update;
        }

        var ours = new HashSet<string>(update.Links.Select(l => l.Slug), StringComparer.Ordinal);
        return new LinkManifest
        {
            Links = existing.Links.Where(l => !ours.Contains(l.Slug)).Concat(update.Links).ToList(),
            PullRequest = update.PullRequest,
            Commit = update.Commit,
        };
    }
}
