using System.Collections;
using Klinky.Build;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Klinky.OrgSimulation;

/// <summary>
/// The real build step: Klinky.Build's <see cref="UpsertPreviewLinks"/> task, run in process as MSBuild runs it, for one
/// pull request's preview link.
/// </summary>
public static class BuildStep
{
    /// <summary>Runs the task; true when the link is on Klinky afterwards. <paramref name="keyVariable"/> names the environment variable with the key.</summary>
    /// <param name="stateFile">The task's incremental state (obj/…/klinky.state.txt); written once every link reached its state.</param>
    /// <param name="manifestPath">Where the task writes the manifest (obj/…/klinky-links.json) the report reads.</param>
    public static (bool Succeeded, bool Completed, IReadOnlyList<string> Warnings) Run(string baseUrl, string keyVariable, int pullRequest, string stateFile, string manifestPath)
    {
        var engine = new Engine();
        var task = new UpsertPreviewLinks
        {
            BuildEngine = engine,
            BaseUrl = baseUrl,
            ApiKeyVariable = keyVariable,
            Links = new ITaskItem[] { new TaskItem("home") },
            Variants = new ITaskItem[]
            {
                Variant("control", "https://example.com/"),
                Variant("preview", $"https://pr{pullRequest}.preview.example.com/"),
            },
            PullRequestNumber = pullRequest.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ProjectFile = "Web.csproj",
            TimeoutSeconds = 30,
            StateFile = stateFile,
            ManifestPath = manifestPath,
        };
        var succeeded = task.Execute();
        return (succeeded, task.Completed, engine.Warnings);
    }

    private static TaskItem Variant(string label, string url)
    {
        var item = new TaskItem(label);
        item.SetMetadata("Link", "home");
        item.SetMetadata("Url", url);
        item.SetMetadata("Weight", "50");
        return item;
    }

    private sealed class Engine : IBuildEngine
    {
        private readonly List<string> _warnings = new();

        public IReadOnlyList<string> Warnings => _warnings;

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "Web.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => _warnings.Add(e.Code + " " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e) => _warnings.Add(e.Code + " " + e.Message);
    }
}
