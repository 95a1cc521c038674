using System.Text.Json;
using Klinky.Action.Inputs;
using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>Reads the links of every manifest the <c>manifest</c> input matches (Core's <see cref="LinkManifest"/>, as Klinky.Build writes it).</summary>
internal static class ManifestReader
{
    /// <exception cref="ActionInputException">A matched file is not a manifest.</exception>
    public static ManifestReadResult Read(string pattern, string baseDirectory)
    {
        var files = GlobMatcher.FindFiles(pattern, baseDirectory);
        var entries = new List<LinkManifestEntry>();
        foreach (var file in files)
        {
            LinkManifest? document;
            try
            {
                document = LinkManifest.Parse(File.ReadAllText(file));
            }
            catch (JsonException ex)
            {
                throw new ActionInputException("manifest", $"matched '{file}', which is not a Klinky.Build manifest: {ex.Message}");
            }

            foreach (var entry in document?.Links ?? Array.Empty<LinkManifestEntry>())
            {
                if (string.IsNullOrWhiteSpace(entry.Id) && string.IsNullOrWhiteSpace(entry.Slug))
                {
                    throw new ActionInputException("manifest", $"matched '{file}', which lists a link with neither id nor slug");
                }

                entries.Add(entry);
            }
        }

        return new ManifestReadResult(files, entries);
    }
}
