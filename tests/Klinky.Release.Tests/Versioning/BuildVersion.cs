using System.Diagnostics;
using Klinky.Testing;

namespace Klinky.Release.Tests.Versioning;

/// <summary>The version of this build as MinVer computes it from the git tags, asked of MSBuild the way build.sh asks.</summary>
public static class BuildVersion
{
    private static readonly Lazy<string> Computed = new(Compute);

    public static string Current => Computed.Value;

    /// <summary>The PowerShell Gallery's form of the prerelease label: letters and digits only (alpha.0.44 gives alpha044).</summary>
    public static string PowerShellPrerelease(string version)
    {
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? "" : new string(version[(dash + 1)..].Where(char.IsAsciiLetterOrDigit).ToArray());
    }

    public static string Core(string version) => version.Split('-', '+')[0];

    private static string Compute()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { "msbuild", "src/Klinky.Core/Klinky.Core.csproj", "-nologo", "-t:MinVer", "-getProperty:MinVerVersion" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var version = output.Trim().Split('\n').Last().Trim();
        return process.ExitCode == 0 && version.Length > 0 ? version : throw new InvalidOperationException("MinVer gave no version:\n" + output + process.StandardError.ReadToEnd());
    }
}
