using System.Collections;
using Microsoft.Build.Framework;

namespace Klinky.Build.Tests.Infrastructure;

/// <summary>Records what a task logs, as MSBuild's loggers would receive it.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "Sample.csproj";

    /// <summary>Every line logged, of any kind and importance.</summary>
    public string AllText =>
        string.Join("\n", Errors.Select(e => e.Code + " " + e.Message).Concat(Warnings.Select(w => w.Code + " " + w.Message)).Concat(Messages.Select(m => m.Message)));

    public IEnumerable<string> HighImportanceMessages => Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message!);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
