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
        var run = ToolRun.RunAsync(
            "dotnet",
            ["msbuild", "src/Klinky.Core/Klinky.Core.csproj", "-nologo", "-t:MinVer", "-getProperty:MinVerVersion"],
            new ToolRunOptions { WorkingDirectory = RepositoryPaths.Root }).GetAwaiter().GetResult();
        var version = run.Output.Trim().Split('\n').Last().Trim();
        return run.ExitCode == 0 && version.Length > 0 ? version : throw new InvalidOperationException("MinVer gave no version:\n" + run);
    }
}
