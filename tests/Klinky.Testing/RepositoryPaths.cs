namespace Klinky.Testing;

/// <summary>Where things are in the repository a test runs from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Artifacts => Path.Combine(Root, "artifacts");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Klinky.Integrations.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Klinky.Integrations.sln not found above " + AppContext.BaseDirectory);
    }
}
