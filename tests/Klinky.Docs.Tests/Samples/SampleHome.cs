using Klinky.Testing;

namespace Klinky.Docs.Tests.Samples;

/// <summary>
/// A new user's machine in a temp folder: an empty HOME (so NuGet sources, dotnet tools and PowerShell repositories the
/// samples register go there, never into the real user's), and a fresh NuGet packages folder (so a re-packed 0.1.0 is never
/// served from a stale cache).
/// </summary>
internal sealed class SampleHome : IDisposable
{
    private static readonly string MachinePackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public SampleHome()
    {
        Root = Directory.CreateTempSubdirectory("klinky-samples-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        Packages = Path.Combine(Root, "packages");
    }

    public string Root { get; }

    public string Home { get; }

    public string Packages { get; }

    public string Tools => Path.Combine(Home, ".dotnet", "tools");

    /// <summary>The environment of a shell on that machine; <paramref name="repositoryTools"/> keeps the repository's
    /// local tools (dotnet pwsh) resolvable, which live in the machine's package cache.</summary>
    public Dictionary<string, string?> Environment(bool repositoryTools = false) => new(StringComparer.Ordinal)
    {
        ["HOME"] = Home,
        ["DOTNET_CLI_HOME"] = null,
        ["XDG_CONFIG_HOME"] = null,
        ["XDG_DATA_HOME"] = null,
        ["XDG_CACHE_HOME"] = null,
        ["NUGET_PACKAGES"] = repositoryTools ? MachinePackages : Packages,
        ["PATH"] = Tools + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
    };

    public Task<CommandResult> BashAsync(string script, string workingDirectory, IReadOnlyDictionary<string, string?>? extra = null, bool repositoryTools = false)
    {
        var environment = Environment(repositoryTools);
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return CommandLine.RunAsync("bash", ["-euo", "pipefail", "-c", script], workingDirectory, environment, TimeSpan.FromMinutes(5));
    }

    public Task<CommandResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        CommandLine.RunAsync("dotnet", arguments, workingDirectory, Environment(), TimeSpan.FromMinutes(5));

    public static string RepositoryRoot => RepositoryPaths.Root;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: left to the system's temp cleanup.
        }
    }
}
