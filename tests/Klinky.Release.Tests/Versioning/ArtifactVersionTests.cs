using System.Diagnostics;
using System.Text.RegularExpressions;
using Klinky.Release.Tests.Packaging;
using Klinky.Testing;

namespace Klinky.Release.Tests.Versioning;

/// <summary>Every artifact of one build carries the one version MinVer computed from git: nothing is set by hand.</summary>
public sealed partial class ArtifactVersionTests
{
    private static string Artifacts => RepositoryPaths.Artifacts;

    [Fact]
    public void BuildVersion_IsSemVer_AndAPrereleaseUnlessTheCommitIsTagged()
    {
        var version = BuildVersion.Current;

        Assert.Matches(SemVer(), version);
        var tagged = Git("tag", "--points-at", "HEAD").Split('\n').Any(t => Regex.IsMatch(t.Trim(), @"^v\d+\.\d+\.\d+$"));
        Assert.Equal(!tagged, version.Contains('-', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Klinky.Core")]
    [InlineData("Klinky.Build")]
    [InlineData("klinky-emulator")]
    public void Package_HasTheBuildVersion(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.Equal(BuildVersion.Current, package.Value("version"));
    }

    [Fact]
    public void ModuleManifest_HasTheBuildVersion_AsModuleVersionAndPrerelease()
    {
        var manifest = File.ReadAllText(Path.Combine(Artifacts, "powershell", "Klinky", "Klinky.psd1"));
        var prerelease = BuildVersion.PowerShellPrerelease(BuildVersion.Current);

        Assert.Matches($@"(?m)^\s*ModuleVersion\s*=\s*'{Regex.Escape(BuildVersion.Core(BuildVersion.Current))}'", manifest);
        if (prerelease.Length > 0)
        {
            Assert.Matches($@"(?m)^\s*Prerelease\s*=\s*'{prerelease}'", manifest);
        }
        else
        {
            Assert.DoesNotMatch(@"(?m)^\s*Prerelease\s*=", manifest);
        }
    }

    /// <summary>The action is a native (Native AOT) program, the emulator a .dll run on dotnet.</summary>
    [Theory]
    [InlineData("action/Klinky.Action", "klinky-action ")]
    [InlineData("emulator/Klinky.Emulator.dll", "")]
    public async Task Program_VersionOption_PrintsTheBuildVersion(string program, string prefix)
    {
        var path = Path.Combine(Artifacts, program);
        var run = program.EndsWith(".dll", StringComparison.Ordinal)
            ? await ToolRun.RunAsync("dotnet", [path, "--version"])
            : await ToolRun.RunAsync(path, ["--version"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(prefix + BuildVersion.Current, run.Output.Trim());
    }

    /// <summary>
    /// The informational version is what the User-Agent (Klinky.Core/VERSION, Klinky.Action/VERSION) and the
    /// emulator's --version print: exactly MinVer's version, without a commit hash appended. (The action ships as one
    /// native program, without assemblies to read: its --version above prints the same attribute.)
    /// </summary>
    [Theory]
    [InlineData("emulator/Klinky.Emulator.dll")]
    [InlineData("powershell/Klinky/Klinky.dll")]
    public void ShippedAssembly_InformationalVersion_IsTheBuildVersion(string path)
    {
        var info = FileVersionInfo.GetVersionInfo(Path.Combine(Artifacts, path));

        Assert.Equal(BuildVersion.Current, info.ProductVersion);
        Assert.StartsWith(BuildVersion.Core(BuildVersion.Current) + ".", info.FileVersion, StringComparison.Ordinal);
    }

    private static string Git(params string[] arguments)
    {
        return ToolRun.RunAsync("git", arguments, new ToolRunOptions { WorkingDirectory = RepositoryPaths.Root }).GetAwaiter().GetResult().Output;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$")]
    private static partial Regex SemVer();
}
