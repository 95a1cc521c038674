using System.IO.Compression;

namespace Klinky.Build.Tests.Packaging;

/// <summary>What the .nupkg ships: the task closure in tasks/net8.0, the targets, and nothing MSBuild or the runtime owns.</summary>
public sealed class PackageContentTests
{
    [Fact]
    public void Package_ContainsExactlyTheTaskClosureAndTargets()
    {
        using var package = ZipFile.OpenRead(PackageFeed.PackagePath);
        var content = package.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            new[]
            {
                "Klinky.Build.nuspec",
                "README.md",
                "build/Klinky.Build.props",
                "build/Klinky.Build.targets",
                "buildMultiTargeting/Klinky.Build.props",
                "buildMultiTargeting/Klinky.Build.targets",
                "icon.png",
                "tasks/net8.0/Flurl.Http.dll",
                "tasks/net8.0/Flurl.dll",
                "tasks/net8.0/Klinky.Build.deps.json",
                "tasks/net8.0/Klinky.Build.dll",
                "tasks/net8.0/Klinky.Core.dll",
            },
            content);
    }

    [Fact]
    public void Nuspec_IsADevelopmentDependencyWithoutDependencies()
    {
        using var package = ZipFile.OpenRead(PackageFeed.PackagePath);
        using var reader = new StreamReader(package.GetEntry("Klinky.Build.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();

        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependencies>", nuspec, StringComparison.Ordinal);
    }
}
