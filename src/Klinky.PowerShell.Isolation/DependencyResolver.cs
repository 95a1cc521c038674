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
    private static bool _installed;

    /// <summary>True while the handler is attached to the default context (between an import and a Remove-Module).</summary>
    public static bool IsInstalled
    {
        get
        {
            lock (Gate)
            {
                return _installed;
            }
        }
    }

    public static void Install(string dependenciesDirectory)
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            // A re-import after Remove-Module keeps the context: Klinky.Core already lives in it and a context that is
            // not collectible never unloads, so a second one would load a second, incompatible copy.
            _context ??= new DependencyLoadContext(dependenciesDirectory);
            AssemblyLoadContext.Default.Resolving += ResolveFromDependencies;
            _installed = true;
        }
    }

    /// <summary>Called when the module is removed: the default context stops asking this module's folder.</summary>
    public static void Uninstall()
    {
        lock (Gate)
        {
            AssemblyLoadContext.Default.Resolving -= ResolveFromDependencies;
            _installed = false;
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
