namespace Klinky.Build.Tests.Packaging;

/// <summary>A console app targeting net10.0, the shape most users have.</summary>
public sealed class ConsoleAppFixture : PackagedBuildFixture
{
    public ConsoleAppFixture()
        : base("net10.0", isExe: true)
    {
    }
}
