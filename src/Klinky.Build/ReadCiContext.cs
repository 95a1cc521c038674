using System.Globalization;
using Klinky.Ci;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Klinky.Build;

/// <summary>
/// Reads the CI run's pull request, branch, commit and run URL with Klinky.Core's <see cref="CiContextReader"/>, the one
/// home of the detection rules. The targets copy each value into its <c>Klinky*</c> property only where the user left it empty.
/// </summary>
public sealed class ReadCiContext : Microsoft.Build.Utilities.Task
{
    [Output]
    public string Provider { get; private set; } = "";

    [Output]
    public string PullRequestNumber { get; private set; } = "";

    [Output]
    public string Branch { get; private set; } = "";

    [Output]
    public string Tag { get; private set; } = "";

    [Output]
    public string Commit { get; private set; } = "";

    [Output]
    public string RunUrl { get; private set; } = "";

    [Output]
    public string Repository { get; private set; } = "";

    public override bool Execute()
    {
        var context = CiContextReader.FromProcessEnvironment();
        Provider = context.Provider == CiProvider.None ? "" : context.Provider.ToString();
        PullRequestNumber = context.PullRequestNumber?.ToString(CultureInfo.InvariantCulture) ?? "";
        Branch = context.Branch ?? "";
        Tag = context.Tag ?? "";
        Commit = context.Commit ?? "";
        RunUrl = context.RunUrl ?? "";
        Repository = context.Repository ?? "";
        Log.LogMessage(MessageImportance.Low, "Klinky: CI context: {0}", context);
        return true;
    }
}
