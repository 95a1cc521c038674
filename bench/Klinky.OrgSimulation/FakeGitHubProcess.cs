using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.OrgSimulation;

/// <summary>bench/fake-github.py as a process: /user (403, so comments are github-actions[bot]'s) and an issue's comments.</summary>
public sealed partial class FakeGitHubProcess : IAsyncDisposable
{
    private readonly ToolProcess _process;

    private FakeGitHubProcess(ToolProcess process, string apiUrl)
    {
        _process = process;
        ApiUrl = apiUrl;
    }

    public string ApiUrl { get; }

    public static async Task<FakeGitHubProcess> StartAsync()
    {
        var process = ToolProcess.Start("python3", [Path.Combine(RepositoryPaths.Root, "bench", "fake-github.py")]);
        try
        {
            // Its first line names where it listens; the deadline is for a hang, not a measure.
            var url = await process.WaitForLineAsync(line => Url().Match(line) is { Success: true } match ? match.Value : null, TimeSpan.FromMinutes(1));
            return new FakeGitHubProcess(process, url);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex Url();
}
