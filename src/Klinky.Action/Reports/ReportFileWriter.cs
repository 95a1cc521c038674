using System.Text;
using Klinky.Action.Runner;
using Klinky.Serialization;

namespace Klinky.Action.Reports;

/// <summary>
/// Writes the <c>report-path</c> file. Inside the action's container the workspace is mounted at another path than on
/// the runner, so the output is relative to the workspace: later steps run there and resolve it.
/// </summary>
internal static class ReportFileWriter
{
    public static string Write(ReportDocument document, ActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(environment);
        var workspace = environment.Get("GITHUB_WORKSPACE");
        var folder = workspace is not null
            ? Path.Combine(workspace, ".klinky")
            : Path.Combine(Path.GetTempPath(), "klinky-action");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"report-{document.CommentKey}.json");
        File.WriteAllText(path, KlinkyJson.Serialize(document), new UTF8Encoding(false));
        return workspace is not null ? Path.GetRelativePath(workspace, path).Replace('\\', '/') : path;
    }
}
