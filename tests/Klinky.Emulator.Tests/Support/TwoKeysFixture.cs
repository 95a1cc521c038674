using Klinky.Testing;

namespace Klinky.Emulator.Tests.Support;

public sealed class TwoKeysFixture : EmulatorFixture
{
    public static readonly string KeyA = EmulatorProcess.NewApiKey();
    public static readonly string KeyB = EmulatorProcess.NewApiKey();

    protected override EmulatorOptions Options => new() { ApiKeys = new[] { KeyA, KeyB } };
}
