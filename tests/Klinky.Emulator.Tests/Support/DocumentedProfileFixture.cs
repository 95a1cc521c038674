using Klinky.Testing;

namespace Klinky.Emulator.Tests.Support;

public sealed class DocumentedProfileFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => new() { Profile = "documented" };
}
