using System.Management.Automation;
using System.Reflection;

namespace Klinky.PowerShell.Hosting;

/// <summary>
/// Runs when <c>Import-Module Klinky</c> loads this assembly, before any cmdlet touches Klinky.Core:
/// makes Klinky.Core and its dependencies load from the module's <c>Dependencies/</c> folder.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal const string DependenciesFolder = "Dependencies";
    private const string IsolationAssembly = "Klinky.PowerShell.Isolation.dll";
    private const string ResolverType = "Klinky.PowerShell.Isolation.DependencyResolver";

    private static string ModuleDirectory => Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

    private static string DependenciesDirectory => Path.Combine(ModuleDirectory, DependenciesFolder);

    public void OnImport()
    {
        if (IsNetFramework)
        {
            // Windows PowerShell has one load context: resolve from Dependencies/ when nothing else did.
            AppDomain.CurrentDomain.AssemblyResolve += ResolveOnNetFramework;
            return;
        }

        // Running from the build output (tests, a developer's bin folder) there is no Dependencies/ folder: nothing to isolate.
        CallResolver("Install", DependenciesDirectory);
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        KlinkySessionState.DisconnectAll();
        if (IsNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnNetFramework;
            return;
        }

        // Without this the default context kept asking a removed module's folder for every assembly it could not find.
        CallResolver("Uninstall");
    }

    private static void CallResolver(string method, params object[] arguments)
    {
        var isolation = Path.Combine(DependenciesDirectory, IsolationAssembly);
        if (File.Exists(isolation))
        {
            var resolver = Assembly.LoadFrom(isolation).GetType(ResolverType, throwOnError: true)!;
            resolver.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
        }
    }

    private static bool IsNetFramework =>
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    private static Assembly? ResolveOnNetFramework(object? sender, ResolveEventArgs args)
    {
        var path = Path.Combine(DependenciesDirectory, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
