using System.Reflection;
using System.Runtime.Loader;

namespace Klinky.PowerShell.Isolation;

/// <summary>
/// Called once (by reflection) when the Klinky module is imported on PowerShell 7: from then on, when the cmdlet
/// assembly asks for Klinky.Core, the default context hands it the copy held by <see cref="DependencyLoadContext"/>.
/// </summary>
public static class DependencyResolver
{
    private static readonly object Gate = new();
    private static DependencyLoadContext? _context;

    public static void Install(string dependenciesDirectory)
    {
        lock (Gate)
        {
            if (_context is not null)
            {
                return;
            }

            _context = new DependencyLoadContext(dependenciesDirectory);
            AssemblyLoadContext.Default.Resolving += ResolveFromDependencies;
        }
    }

    public static void Uninstall()
    {
        lock (Gate)
        {
            AssemblyLoadContext.Default.Resolving -= ResolveFromDependencies;
        }
    }

    /// <summary>The context Klinky.Core was loaded into; tests read it to prove the isolation.</summary>
    public static string? LoadContextOf(Assembly assembly) => AssemblyLoadContext.GetLoadContext(assembly)?.Name;

    private static Assembly? ResolveFromDependencies(AssemblyLoadContext defaultContext, AssemblyName name)
    {
        var context = _context;
        return context is not null && context.Owns(name) ? context.LoadFromAssemblyName(name) : null;
    }
}
