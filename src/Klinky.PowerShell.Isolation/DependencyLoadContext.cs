using System.Reflection;
using System.Runtime.Loader;

namespace Klinky.PowerShell.Isolation;

/// <summary>
/// Holds Klinky.Core and the libraries it brings (Flurl, Flurl.Http, ...) apart from the rest of the PowerShell session,
/// so a session that already loaded another Flurl.Http still imports Klinky (PowerShell's documented ALC pattern).
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly HashSet<string> _platformAssemblies;

    public DependencyLoadContext(string directory)
        : base("Klinky", isCollectible: false)
    {
        _directory = directory;
        _platformAssemblies = ReadPlatformAssemblyNames();
    }

    /// <summary>True when this context owns the assembly: it ships in Dependencies/ and the runtime has no copy of its own.</summary>
    public bool Owns(AssemblyName name) =>
        name.Name is { } simple && !_platformAssemblies.Contains(simple) && File.Exists(PathOf(simple));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Platform assemblies (System.Text.Json, System.Memory, ...) come from the runtime: loading their
        // netstandard2.0 copies here would make a second Span<T> and break every call that crosses contexts.
        return Owns(assemblyName) ? LoadFromAssemblyPath(PathOf(assemblyName.Name!)) : null;
    }

    private string PathOf(string simpleName) => Path.Combine(_directory, simpleName + ".dll");

    private static HashSet<string> ReadPlatformAssemblyNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            names.Add(Path.GetFileNameWithoutExtension(path));
        }

        return names;
    }
}
