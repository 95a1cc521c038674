using System.Text.Json;
using Klinky.Action.Inputs;
using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>Reads the links of every manifest the <c>manifest</c> input matches (Core's <see cref="LinkManifest"/>, as Klinky.Build writes it).</summary>
internal static class ManifestReader
{
    /// <summary>
    /// The links of every file <paramref name="pattern"/> matches; with <paramref name="accept"/>, only of the manifests it
    /// accepts (the others are left out of <see cref="ManifestReadResult.Files"/> too).
    /// </summary>
    /// <exception cref="ActionInputException">A matched file is not a manifest.</exception>
    public static ManifestReadResult Read(string pattern, string baseDirectory, Func<LinkManifest, bool>? accept = null)
    {
        var files = new List<string>();
        var entries = new List<LinkManifestEntry>();
        foreach (var file in GlobMatcher.FindFiles(pattern, baseDirectory))
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

            if (accept is not null && (document is null || !accept(document)))
            {
                continue;
            }

            files.Add(file);

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
