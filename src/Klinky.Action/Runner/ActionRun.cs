using Klinky.Action.Inputs;
using Klinky.Ci;

namespace Klinky.Action.Runner;

/// <summary>What both workflows (report, on-close) share for one run: read once by <see cref="ActionRunner"/>, never changed.</summary>
internal sealed record ActionRun(
    ActionEnvironment Environment,
    ActionInputs Inputs,
    CiContext Context,
    KlinkyClient Klinky,
    ActionLog Log,
    GitHubFileCommands Commands,
    TimeProvider Time,
    bool PrintsReport)
{
    /// <summary>The pull request the run is about: the <c>pr-number</c> input, else the event's.</summary>
    public int? PullRequestNumber => Inputs.PullRequestNumber ?? Context.PullRequestNumber;
}
