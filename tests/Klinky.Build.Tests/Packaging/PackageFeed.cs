using Klinky.Testing;

namespace Klinky.Build.Tests.Packaging;

/// <summary>The packed Klinky.Build package that build.sh (or the developer) put in artifacts/packages.</summary>
internal static class PackageFeed
{
    public static string Folder => Path.Combine(RepositoryPaths.Artifacts, "packages");

    public static string PackagePath
    {
        get
        {
            var packages = Directory.Exists(Folder) ? Directory.GetFiles(Folder, "Klinky.Build.*.nupkg") : Array.Empty<string>();
            return packages.Length == 1
                ? packages[0]
                : throw new InvalidOperationException($"Expected one Klinky.Build package in {Folder}, found {packages.Length}: run ./build.sh or `dotnet pack src/Klinky.Build -c Release -o artifacts/packages` first.");
        }
    }

    /// <summary>The version in the package's file name (Klinky.Build.0.1.0.nupkg gives 0.1.0).</summary>
    public static string Version => Path.GetFileNameWithoutExtension(PackagePath).Substring("Klinky.Build.".Length);
}
