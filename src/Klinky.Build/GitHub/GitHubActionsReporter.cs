using System.Text;
using Klinky.Build.Links;
using Klinky.Ci;
using Klinky.Build.Manifest;
using Klinky.Links;

namespace Klinky.Build.GitHub;

/// <summary>
/// Under GitHub Actions: a table of the links in the job summary, and step outputs (<c>klinky-short-urls</c>,
/// <c>klinky-links</c>, <c>klinky-manifest</c>) in GITHUB_OUTPUT's heredoc form.
/// </summary>
internal static class GitHubActionsReporter
{
    /// <summary>True when the files GitHub gives a step are present.</summary>
    public static bool IsAvailable(Func<string, string?> environment) => GitHubStepFiles.IsGitHubActions(environment);

    /// <param name="rows">This project's links, for the summary table.</param>
    /// <param name="manifest">This project's manifest, used when no shared manifest file can be read.</param>
    public static async Task ReportAsync(Func<string, string?> environment, string projectName, IReadOnlyList<LinkManifestEntry> rows, LinkManifest manifest, string manifestPath, CancellationToken cancellationToken)
    {
        var summaryPath = environment("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summaryPath))
        {
            await GitHubStepFiles.AppendAsync(summaryPath, Summary(projectName, rows), cancellationToken).ConfigureAwait(false);
        }

        var outputPath = environment("GITHUB_OUTPUT");
        if (!string.IsNullOrEmpty(outputPath))
        {
            // GitHub keeps the last value of an output set twice, and parallel projects (-m) each append theirs: every
            // append carries the shared manifest as it stands once the output file's lock is held, so the last one
            // written names every project's links.
            await GitHubStepFiles.AppendAsync(outputPath, async ct => Outputs(await CurrentManifestAsync(manifest, manifestPath, ct).ConfigureAwait(false), manifestPath), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<LinkManifest> CurrentManifestAsync(LinkManifest own, string manifestPath, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(manifestPath) ? null : await LockedFile.ReadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        return text is null ? own : LinkManifestFile.Parse(text) ?? own;
    }

    private static string Outputs(LinkManifest manifest, string manifestPath) =>
        new StringBuilder()
            .Append(Output("klinky-short-urls", string.Join("\n", manifest.Links.Select(l => l.ShortUrl ?? l.Slug))))
            .Append(Output("klinky-links", LinkManifestFile.Serialize(manifest).TrimEnd()))
            .Append(Output("klinky-manifest", Path.GetFullPath(manifestPath)))
            .ToString();

    /// <summary>
    /// A build whose upsert was skipped as up to date still gives the step its outputs and summary (a second build of
    /// the same commit in one job, a persistent obj/), from the state of the last run and the manifest: no request.
    /// </summary>
    public static async Task ReportUpToDateAsync(Func<string, string?> environment, string projectName, IReadOnlyList<LinkManifestEntry> state, string manifestPath, CancellationToken cancellationToken)
    {
        var shared = await CurrentManifestAsync(new LinkManifest { Links = state }, manifestPath, cancellationToken).ConfigureAwait(false);
        var rows = state.Select(entry => new LinkManifestEntry
        {
            Item = entry.Item,
            Id = entry.Id,
            Slug = entry.Slug,
            ShortUrl = entry.ShortUrl,
            Name = entry.Name,
            Status = "up to date",
            Variants = shared.Links.FirstOrDefault(l => l.Slug == entry.Slug)?.Variants ?? Array.Empty<Klinky.Links.Variant>(),
        }).ToList();
        await ReportAsync(environment, projectName, rows, new LinkManifest { Links = rows }, manifestPath, cancellationToken).ConfigureAwait(false);
    }

    internal static string Summary(string projectName, IReadOnlyList<LinkManifestEntry> rows)
    {
        var text = new StringBuilder()
            .Append("### Klinky preview links (").Append(Escape(projectName)).Append(")\n\n")
            .Append("| Link | Short URL | Variants | Status |\n|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var variants = string.Join(", ", row.Variants.Select(v => $"{Escape(v.Label)} {v.Weight}%"));
            text.Append("| ").Append(Escape(row.Name)).Append(" | ").Append(row.ShortUrl ?? row.Slug)
                .Append(" | ").Append(variants).Append(" | ").Append(row.Status).Append(" |\n");
        }

        return text.Append('\n').ToString();
    }

    // Core's heredoc form: a random delimiter per value, so a value can never end its block early and inject outputs.
    internal static string Output(string name, string value) => GitHubFileCommand.KeyValue(name, value);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
