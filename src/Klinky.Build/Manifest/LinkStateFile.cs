using System.Text;
using Klinky.Links;

namespace Klinky.Build.Manifest;

/// <summary>
/// The state of the last successful run: one tab-separated line per link (item, id, slug, short URL, name, status).
/// Read on every no-op build, so it is plain text: parsing JSON there would cost more than the rest of the package.
/// </summary>
internal static class LinkStateFile
{
    public static void Write(string path, IEnumerable<LinkManifestEntry> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.AppendJoin('\t', new[] { entry.Item ?? entry.Slug, entry.Id, entry.Slug, entry.ShortUrl ?? "", entry.Name, entry.Status }.Select(Clean)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    public static IReadOnlyList<LinkManifestEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return Array.Empty<LinkManifestEntry>();
        }

        return File.ReadAllLines(path)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 6)
            .Select(f => new LinkManifestEntry { Item = f[0], Id = f[1], Slug = f[2], ShortUrl = f[3].Length == 0 ? null : f[3], Name = f[4], Status = f[5] })
            .ToList();
    }

    // A link name is free text: keep it on one line and in one field.
    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
