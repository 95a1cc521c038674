using System.Diagnostics;
using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.OrgSimulation;

/// <summary>bench/fake-github.py as a process: /user (403, so comments are github-actions[bot]'s) and an issue's comments.</summary>
public sealed partial class FakeGitHubProcess : IDisposable
{
    private readonly Process _process;

    private FakeGitHubProcess(Process process, string apiUrl)
    {
        _process = process;
        ApiUrl = apiUrl;
    }

    public string ApiUrl { get; }

    public static async Task<FakeGitHubProcess> StartAsync()
    {
        var process = Process.Start(new ProcessStartInfo("python3") { ArgumentList = { Path.Combine(RepositoryPaths.Root, "bench", "fake-github.py") }, RedirectStandardOutput = true, UseShellExecute = false })!;
        var ready = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fake GitHub did not start");
        return new FakeGitHubProcess(process, Url().Match(ready).Value);
    }

    public void Dispose()
    {
        _process.Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex Url();
}
