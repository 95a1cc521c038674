namespace Klinky.Emulator.Tests.Support;

/// <summary>A clock the test moves by hand (a rate window's end, a fragment's interval).</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
