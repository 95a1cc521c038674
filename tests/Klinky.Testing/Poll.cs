using System.Diagnostics;

namespace Klinky.Testing;

/// <summary>
/// Waiting on a condition instead of a clock: polls until the probe gives a result, with a deadline generous enough that a
/// loaded two-core machine never reaches it on a passing run. The test then asserts the outcome, not the time it took.
/// </summary>
public static class Poll
{
    /// <summary>How long a condition may take before a test gives up: far beyond any passing run, even under load.</summary>
    public static readonly TimeSpan GenerousDeadline = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The probe's first non-null result, or null when the deadline passed without one.</summary>
    public static async Task<T?> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan? deadline = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }

            if (clock.Elapsed >= (deadline ?? GenerousDeadline))
            {
                return null;
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>True once the condition holds, false when the deadline passed first.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? deadline = null) =>
        await UntilAsync<object>(async () => await condition() ? true : null, deadline) is not null;
}
