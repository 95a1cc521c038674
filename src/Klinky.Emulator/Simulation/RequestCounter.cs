namespace Klinky.Emulator.Simulation;

/// <summary>The API requests a simulation sent (visitors run in parallel, hence the interlocked counts).</summary>
internal sealed class RequestCounter
{
    private int _lookups;
    private int _conversions;

    public int Conversions => Volatile.Read(ref _conversions);

    public int Count => Volatile.Read(ref _lookups) + Conversions;

    public void Lookup() => Interlocked.Increment(ref _lookups);

    public void Conversion() => Interlocked.Increment(ref _conversions);
}
