using Klinky.Ci;

namespace Klinky.Action.Runner;

/// <summary>
/// How a step talks back to the runner: workflow commands on stdout (masks and annotations) and the files named by
/// <c>GITHUB_OUTPUT</c> and <c>GITHUB_STEP_SUMMARY</c>. Outside GitHub the files are absent and writes to them are skipped.
/// </summary>
internal sealed class GitHubFileCommands
{
    private readonly TextWriter _stdout;
    private readonly string? _outputPath;
    private readonly string? _summaryPath;

    public GitHubFileCommands(TextWriter stdout, string? outputPath, string? summaryPath)
    {
        _stdout = stdout ?? throw new ArgumentNullException(nameof(stdout));
        _outputPath = string.IsNullOrEmpty(outputPath) ? null : outputPath;
        _summaryPath = string.IsNullOrEmpty(summaryPath) ? null : summaryPath;
    }

    public bool CanWriteSummary => _summaryPath is not null;

    /// <summary>Tells the runner to replace this value with *** in every later log line.</summary>
    public void AddMask(string secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _stdout.WriteLine("::add-mask::" + WorkflowCommandEscaping.Data(secret));
        }
    }

    public void Error(string message, string? title = null) => Annotate("error", message, title);

    public void Warning(string message, string? title = null) => Annotate("warning", message, title);

    public void Notice(string message, string? title = null) => Annotate("notice", message, title);

    /// <summary>Appends the output to <c>GITHUB_OUTPUT</c> in Core's heredoc form (<see cref="GitHubFileCommand"/>).</summary>
    public void SetOutput(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (_outputPath is null)
        {
            return;
        }

        Append(_outputPath, GitHubFileCommand.KeyValue(name, value));
    }

    /// <summary>Appends Markdown to the job summary page.</summary>
    public void AppendSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (_summaryPath is not null)
        {
            Append(_summaryPath, markdown.EndsWith('\n') ? markdown : markdown + "\n");
        }
    }

    // Core's one writer of the step's files; the action's steps are synchronous.
    private static void Append(string path, string text) => GitHubStepFiles.AppendAsync(path, text, CancellationToken.None).GetAwaiter().GetResult();

    private void Annotate(string command, string message, string? title)
    {
        var properties = title is null ? "" : " title=" + WorkflowCommandEscaping.Property(title);
        _stdout.WriteLine($"::{command}{properties}::{WorkflowCommandEscaping.Data(message)}");
    }
}
