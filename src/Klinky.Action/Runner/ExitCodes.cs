namespace Klinky.Action.Runner;

/// <summary>The action's exit codes: the runner marks the step failed for anything but 0.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Klinky refused (bad key, rate limited, link not found) or the comment could not be written where it must be.</summary>
    public const int Failure = 1;

    /// <summary>An input is missing or malformed; the message names it.</summary>
    public const int InvalidInput = 2;
}
