using System.Reflection;

namespace Klinky;

/// <summary>User-Agent product tokens: every surface names itself with the version its build stamped.</summary>
internal static class KlinkyUserAgent
{
    /// <summary><c>Name/1.2.3</c>: the assembly's informational version without the source-link commit suffix.</summary>
    public static string ProductToken(string product, Assembly assembly) => product + "/" + Version(assembly);

    /// <summary>The version the build stamped on <paramref name="assembly"/>, without the <c>+commit</c> suffix.</summary>
    public static string Version(Assembly assembly)
    {
        if (assembly is null)
        {
            throw new ArgumentNullException(nameof(assembly));
        }

        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return string.IsNullOrEmpty(informational) ? "0.0.0" : informational!.Split('+')[0];
    }
}
