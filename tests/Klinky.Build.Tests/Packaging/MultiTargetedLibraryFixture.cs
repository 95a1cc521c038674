namespace Klinky.Build.Tests.Packaging;

/// <summary>A library targeting net8.0 and net10.0: the links must be created once, not per framework.</summary>
public sealed class MultiTargetedLibraryFixture : PackagedBuildFixture
{
    public MultiTargetedLibraryFixture()
        : base("net8.0;net10.0", isExe: false)
    {
    }
}
