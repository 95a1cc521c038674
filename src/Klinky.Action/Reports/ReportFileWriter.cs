using System.Text;
using Klinky.Action.Runner;
using Klinky.Serialization;

namespace Klinky.Action.Reports;

/// <summary>
/// Writes the <c>report-path</c> file under the runner's temp folder (<c>RUNNER_TEMP</c>), which the runner empties after
/// the job, so the workspace gets no untracked file. Inside the action's container that folder is mounted at another path
/// than on the runner, so the output is relative to it: later steps read <c>${{ runner.temp }}/</c> plus the output.
/// Outside a runner (no <c>RUNNER_TEMP</c>) the file goes to the system's temp folder and the output is its full path.
/// </summary>
internal static class ReportFileWriter
{
    public const string Folder = "klinky";

    public static string Write(ReportDocument document, ActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(environment);
        var runnerTemp = environment.Get("RUNNER_TEMP");
        var folder = Path.Combine(runnerTemp ?? Path.GetTempPath(), runnerTemp is null ? "klinky-action" : Folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"report-{document.CommentKey}.json");
        File.WriteAllText(path, KlinkyJson.Serialize(document), new UTF8Encoding(false));
        return runnerTemp is not null ? Path.GetRelativePath(runnerTemp, path).Replace('\\', '/') : path;
    }
}
