using Klinky.Build.GitHub;
using Klinky.Build.Manifest;
using Klinky.Links;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Klinky.Build;

/// <summary>
/// When the upsert target is skipped as up to date, gives back the <c>KlinkyLinkCreated</c> items of the last
/// successful run from its state file, without a request.
/// </summary>
public sealed class ReadPreviewLinkResults : Microsoft.Build.Utilities.Task
{
    [Required]
    public string StateFile { get; set; } = "";

    /// <summary>The manifest of the build, for the GitHub step outputs.</summary>
    public string? ManifestPath { get; set; }

    public string? ProjectFile { get; set; }

    [Output]
    public ITaskItem[] Links { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The process environment; replaced in tests.</summary>
    internal Func<string, string?> Environment { get; set; } = ProcessEnvironment.Get;

    public override bool Execute()
    {
        var links = LinkStateFile.Read(StateFile);
        Links = links.Select(LinkItems.From).ToArray();
        foreach (var link in links)
        {
            Log.LogMessage(MessageImportance.High, "Klinky: {0} -> {1} (up to date, no request sent)", link.Slug, link.ShortUrl ?? link.Slug);
        }

        if (links.Count > 0 && GitHubActionsReporter.IsAvailable(Environment))
        {
            var project = Path.GetFileNameWithoutExtension(ProjectFile ?? "");
            GitHubActionsReporter.ReportUpToDateAsync(Environment, project, links, ManifestPath ?? "", CancellationToken.None).GetAwaiter().GetResult();
        }

        return true;
    }
}
