using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Klinky.Testing;

/// <summary>
/// A real <c>klinky-emulator</c> process on a loopback port, as users run it: started from the published
/// DLL (<c>KLINKY_EMULATOR_DLL</c>, set by build.sh) or the build output, ready when it prints its listening line.
/// </summary>
public sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private EmulatorProcess(Process process, StringBuilder output, string rootUrl, IReadOnlyList<string> apiKeys)
    {
        _process = process;
        _output = output;
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
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

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
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(options.Urls ?? $"{(options.Https ? "https" : "http")}://127.0.0.1:{options.Port}");
        if (keys.Count == 1)
        {
            // In KLINKY_API_KEY, as the docs tell users, not on the command line where every user's ps shows it.
            start.Environment["KLINKY_API_KEY"] = keys[0];
        }
        else
        {
            // Only the option takes several keys; these are throwaway test keys.
            foreach (var key in keys)
            {
                start.ArgumentList.Add("--api-key");
                start.ArgumentList.Add(key);
            }
        }

        start.ArgumentList.Add(options.RateLimit is null ? "--plan" : "--rate-limit");
        start.ArgumentList.Add(options.RateLimit ?? options.Plan);
        start.ArgumentList.Add("--profile");
        start.ArgumentList.Add(options.Profile);
        if (options.DatabasePath is null)
        {
            start.ArgumentList.Add("--in-memory");
        }
        else
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(options.DatabasePath);
        }

        if (options.Chaos is not null)
        {
            start.ArgumentList.Add("--chaos");
            start.ArgumentList.Add(options.Chaos);
        }

        foreach (var extra in options.ExtraArguments)
        {
            start.ArgumentList.Add(extra);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        var output = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, output, ready);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, output, ready);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The emulator exited before it was ready:\n" + Snapshot(output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using (timeout.Token.Register(() => ready.TrySetException(new TimeoutException("The emulator did not print its listening line within 60 s:\n" + Snapshot(output)))))
        {
            try
            {
                var rootUrl = await ready.Task.ConfigureAwait(false);
                return new EmulatorProcess(process, output, rootUrl, keys);
            }
            catch
            {
                Kill(process);
                process.Dispose();
                throw;
            }
        }
    }

    /// <summary>SIGKILL: no chance to flush anything, as in a crash.</summary>
    public void KillHard()
    {
        Kill(_process);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM and wait for a clean exit; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", new[] { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await term.WaitForExitAsync().ConfigureAwait(false);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(_process);
            }
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill(_process);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static void OnLine(string? line, StringBuilder output, TaskCompletionSource<string> ready)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            ready.TrySetResult(match.Groups[1].Value.TrimEnd('/'));
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Klinky emulator listening on (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^HTTPS certificate: (\S+)", RegexOptions.Multiline)]
    private static partial Regex CertificateLine();
}
