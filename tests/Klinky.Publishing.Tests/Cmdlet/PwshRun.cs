using Klinky.Testing;

namespace Klinky.Publishing.Tests.Cmdlet;

/// <summary>
/// Runs the assembled module (artifacts/powershell/Klinky) in a real pwsh with exactly the CI variables a test gives:
/// the CI systems' own markers are blanked first, so the machine the tests run on cannot decide the platform.
/// </summary>
public static class PwshRun
{
    private static readonly string[] CiMarkers = { "CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "GITHUB_TOKEN", "SYSTEM_ACCESSTOKEN", "KLINKY_GITLAB_TOKEN", "CI_JOB_TOKEN" };

    public static string ModuleManifest => Path.Combine(RepositoryPaths.Artifacts, "powershell", "Klinky", "Klinky.psd1");

    /// <summary>Get-KlinkyStats of the fixture's link, piped to Publish-KlinkyReport with <paramref name="arguments"/>.</summary>
    public static Task<ToolRun> PublishAsync(CmdletFixture fixture, IReadOnlyDictionary<string, string> ci, string arguments)
    {
        if (!File.Exists(ModuleManifest))
        {
            throw new FileNotFoundException($"The assembled module is missing at {ModuleManifest}: run ./build.sh first.");
        }

        var environment = CiMarkers.ToDictionary(name => name, _ => "");
        foreach (var (name, value) in ci)
        {
            environment[name] = value;
        }

        environment["KLINKY_API_KEY"] = fixture.Emulator.ApiKey;
        environment["KLINKY_BASE_URL"] = fixture.Emulator.BaseUrl;
        var script = "$ErrorActionPreference = 'Stop'; " +
            $"Import-Module '{ModuleManifest}'; " +
            $"Get-KlinkyLink -Slug '{CmdletFixture.Slug}' | Get-KlinkyStats | Publish-KlinkyReport -CommentKey checkout {arguments} | " +
            "ForEach-Object { if ($_ -is [string]) { $_ } else { 'RESULT ' + ($_ | ConvertTo-Json -Compress) } }";
        return ToolRun.StartAsync("dotnet", new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script }, RepositoryPaths.Root, environment,
            TimeSpan.FromMinutes(3), "dotnet tool restore (the repository's tool manifest has pwsh)");
    }
}
