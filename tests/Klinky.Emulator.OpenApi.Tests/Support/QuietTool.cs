using Klinky.Testing;

namespace Klinky.Emulator.OpenApi.Tests.Support;

/// <summary>Runs the OpenAPI tests' tools (Redocly through npx, Kiota, dotnet) quietly, with a time limit.</summary>
public static class QuietTool
{
    // Quiet, offline-minded tools: no telemetry, no update checks, no first-run banners.
    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["NO_UPDATE_NOTIFIER"] = "1",
        ["npm_config_update_notifier"] = "false",
        ["KIOTA_OFFLINE_ENABLED"] = "true",
        ["KIOTA_TUTORIAL_ENABLED"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    public static Task<ToolRun> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var merged = new Dictionary<string, string>(Quiet);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }

        return ToolRun.StartAsync(fileName, arguments, workingDirectory, merged, timeout ?? TimeSpan.FromMinutes(3),
            "build.sh installs Node.js; dotnet tool restore installs Kiota.");
    }
}
