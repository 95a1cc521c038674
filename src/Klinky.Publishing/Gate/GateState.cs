namespace Klinky.Publishing.Gate;

/// <summary>The merge gate's three states, mapped onto each platform's own status words.</summary>
public enum GateState
{
    /// <summary>Still collecting data: the test cannot be judged yet.</summary>
    Pending,

    /// <summary>No preview is significantly worse than control (or one wins).</summary>
    Success,

    /// <summary>A preview is significantly worse than control: its always-valid interval lies below 0.</summary>
    Failure,
}
