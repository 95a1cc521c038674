using System.Text.RegularExpressions;

namespace Klinky.Testing;

/// <summary>
/// A real <c>klinky-emulator</c> process on a loopback port, as users run it: started from the published
/// DLL (<c>KLINKY_EMULATOR_DLL</c>, set by build.sh) or the build output, ready when it prints its listening line.
/// </summary>
public sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly ToolProcess _process;

    private EmulatorProcess(ToolProcess process, string rootUrl, IReadOnlyList<string> apiKeys)
    {
        _process = process;
        RootUrl = rootUrl;
        ApiKeys = apiKeys;
    }

    /// <summary>Where redirects are served: <c>http://127.0.0.1:PORT</c>.</summary>
    public string RootUrl { get; }

    /// <summary>The API base a client is given: <c>http://127.0.0.1:PORT/api/v1</c>.</summary>
    public string BaseUrl => RootUrl + "/api/v1";

    public int Port => new Uri(RootUrl).Port;

    /// <summary>With <see cref="EmulatorOptions.Https"/>: the PEM file of the certificate the emulator generated, for clients to trust.</summary>
    public string? CertificatePath => CertificateLine().Match(Output) is { Success: true } match ? match.Groups[1].Value : null;

    public string ApiKey => ApiKeys[0];

    public IReadOnlyList<string> ApiKeys { get; }

    public int ProcessId => _process.Id;

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Output => _process.Combined;

    public static string DllPath
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("KLINKY_EMULATOR_DLL");
            if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
            {
                return fromEnv;
            }

            var published = Path.Combine(RepositoryPaths.Artifacts, "emulator", "Klinky.Emulator.dll");
            if (File.Exists(published))
            {
                return published;
            }

            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var built = Path.Combine(RepositoryPaths.Root, "src", "Klinky.Emulator", "bin", configuration, "net10.0", "Klinky.Emulator.dll");
                if (File.Exists(built))
                {
                    return built;
                }
            }

            throw new FileNotFoundException("Klinky.Emulator.dll not found: run ./build.sh first, or set KLINKY_EMULATOR_DLL.");
        }
    }

    public static string NewApiKey() => "klinky_live_" + Guid.NewGuid().ToString("N");

    public static async Task<EmulatorProcess> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var keys = options.ApiKeys.Count > 0 ? options.ApiKeys : new[] { NewApiKey() };
        var arguments = new List<string> { DllPath, "--urls", options.Urls ?? $"{(options.Https ? "https" : "http")}://127.0.0.1:{options.Port}" };
        var environment = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" };
        if (keys.Count == 1)
        {
            // In KLINKY_API_KEY, as the docs tell users, not on the command line where every user's ps shows it.
            environment["KLINKY_API_KEY"] = keys[0];
        }
        else
        {
            // Only the option takes several keys; these are throwaway test keys.
            foreach (var key in keys)
            {
                arguments.AddRange(["--api-key", key]);
            }
        }

        arguments.AddRange([options.RateLimit is null ? "--plan" : "--rate-limit", options.RateLimit ?? options.Plan, "--profile", options.Profile]);
        arguments.AddRange(options.DatabasePath is null ? ["--in-memory"] : ["--db", options.DatabasePath]);
        if (options.Chaos is not null)
        {
            arguments.AddRange(["--chaos", options.Chaos]);
        }

        arguments.AddRange(options.ExtraArguments);
        var process = ToolProcess.Start("dotnet", arguments, new ToolRunOptions { Environment = environment });
        try
        {
            // A deadline for a hang, far beyond a start on a loaded machine; the cancellation token ends it sooner.
            var rootUrl = await process.WaitForLineAsync(RootUrlOf, TimeSpan.FromMinutes(2)).WaitAsync(cancellationToken).ConfigureAwait(false);
            return new EmulatorProcess(process, rootUrl, keys);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>SIGKILL: no chance to flush anything, as in a crash.</summary>
    public Task KillHardAsync() => _process.KillAsync();

    /// <summary>SIGTERM and wait for a clean exit; returns the exit code.</summary>
    public Task<int> StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string? RootUrlOf(string line) =>
        ListeningLine().Match(line) is { Success: true } match ? match.Groups[1].Value.TrimEnd('/') : null;

    [GeneratedRegex(@"Klinky emulator listening on (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^HTTPS certificate: (\S+)", RegexOptions.Multiline)]
    private static partial Regex CertificateLine();
}
