using Klinky.Testing;

namespace Klinky.Build.Tests.Packaging;

/// <summary>
/// A user's project in a temp folder that references the packed Klinky.Build from a local folder feed, restored into
/// its own NUGET_PACKAGES (so a re-packed 0.1.0 is never served from a stale cache), built with the real dotnet CLI.
/// </summary>
internal sealed class SampleProject : IDisposable
{
    // CI variables of the machine running the tests must not leak into the sample's slug or outputs.
    private static readonly string[] ScrubbedPrefixes = { "GITHUB_", "RUNNER_", "TF_BUILD", "SYSTEM_", "BUILD_", "GITLAB_", "CI_", "KLINKY_", "MSBUILD" };

    private SampleProject(string directory, string projectFile)
    {
        Directory = directory;
        ProjectFile = projectFile;
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public string PackagesFolder => Path.Combine(Directory, ".packages");

    public static async Task<SampleProject> CreateRestoredAsync(string targetFrameworks, bool isExe)
    {
        var directory = Path.Combine(Path.GetTempPath(), "klinky-build-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(RepositoryPaths.Root, "global.json"), Path.Combine(directory, "global.json"));
        // The machine's package cache is where NUGET_PACKAGES says (CI often moves it), else NuGet's default.
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- Added to the machine's configured sources (not cleared: a mirror or a proxy feed stays in use). -->
                <add key="klinky-local" value="{PackageFeed.Folder}" />
                {MachineCacheSource(machinePackages)}
              </packageSources>
            </configuration>
            """);
        var sample = new SampleProject(directory, Path.Combine(directory, "Sample.csproj"));
        await File.WriteAllTextAsync(sample.ProjectFile, SampleProjectText(targetFrameworks, isExe, PackageFeed.Version));
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), isExe ? "System.Console.WriteLine(\"checkout\");\n" : "namespace Sample; public static class Checkout { }\n");
        var restore = await sample.RunAsync(new[] { "restore" });
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("Restoring the sample failed: " + restore);
        }

        return sample;
    }

    /// <summary>Reference packs for the multi-targeted sample come from this machine's cache when it has one (a missing
    /// local source would fail the restore on a fresh machine, where the configured sources serve them instead).</summary>
    private static string MachineCacheSource(string folder) =>
        System.IO.Directory.Exists(folder) ? $"<add key=\"machine-cache\" value=\"{folder}\" />" : "";

    /// <summary>Runs <c>dotnet args</c> in the sample folder, with a clean CI environment plus <paramref name="environment"/>.</summary>
    public async Task<DotnetResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = PackagesFolder,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var run = await ToolRun.RunAsync("dotnet", [.. arguments, "-nodeReuse:false"], new ToolRunOptions
        {
            WorkingDirectory = Directory,
            Environment = variables,
            Remove = name => name == "CI" || ScrubbedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
            Timeout = TimeSpan.FromMinutes(5),
        });
        return new DotnetResult(run.ExitCode, run.Combined);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS eventually.
        }
    }

    // What docs/msbuild.md tells a user to write; the weights come from properties so tests can change them per build.
    private static string SampleProjectText(string targetFrameworks, bool isExe, string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <{(targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework")}>{targetFrameworks}</{(targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework")}>
            {(isExe ? "<OutputType>Exe</OutputType>" : "")}
            <KlinkyEnabled>true</KlinkyEnabled>
            <ControlWeight Condition="'$(ControlWeight)' == ''">50</ControlWeight>
            <PreviewWeight Condition="'$(PreviewWeight)' == ''">50</PreviewWeight>
            <PreviewBaseUrl Condition="'$(PreviewBaseUrl)' == ''">https://preview.shop.example.com</PreviewBaseUrl>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Klinky.Build" Version="{version}" />
          </ItemGroup>
          <ItemGroup>
            <KlinkyPreviewLink Include="checkout" Name="Checkout preview" />
            <KlinkyVariant Include="control" Link="checkout" Url="https://shop.example.com/checkout" Weight="$(ControlWeight)" />
            <KlinkyVariant Include="preview" Link="checkout" Url="$(PreviewBaseUrl)/checkout" Weight="$(PreviewWeight)" />
          </ItemGroup>
        </Project>
        """;
}
