using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Docs.Tests.Repository;

/// <summary>
/// The repository stands on its own: its committed HEAD, cloned into an empty folder with nothing beside it, builds and
/// passes tests that read the repository's fixtures (GitHub's event payloads). A file the tests need that lives only
/// beside a developer's checkout, or was never committed, fails here.
/// </summary>
public sealed partial class SelfContainedCloneTests : IDisposable
{
    // Reads GitHub's event payloads from tests/fixtures/github-events through Klinky.Testing.GitHubEvents.
    private const string FixtureDependentTests = "FullyQualifiedName~Klinky.Tests.Ci.GitHubActionsContextTests";

    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-clone-").FullName;

    [Fact]
    public void CommittedHead_ClonedWithNothingBesideIt_PassesFixtureDependentTests()
    {
        var (headCode, head) = Git.Run(RepositoryPaths.Root, "rev-parse", "HEAD");
        Assert.True(headCode == 0, head);
        var clone = Path.Combine(_folder, "repo");
        var (cloneCode, cloneOutput) = Git.Run(_folder, "clone", "--quiet", "--no-hardlinks", RepositoryPaths.Root, clone);
        Assert.True(cloneCode == 0, cloneOutput);
        var (checkoutCode, checkoutOutput) = Git.Run(clone, "checkout", "--quiet", "--detach", head.Trim());
        Assert.True(checkoutCode == 0, checkoutOutput);
        Assert.Equal([clone], Directory.GetFileSystemEntries(_folder));

        var results = Path.Combine(clone, "artifacts", "test-results");
        var (exitCode, output) = DotnetTest(clone, "tests/Klinky.Core.Tests", "--filter", FixtureDependentTests,
            "--logger", "trx;LogFileName=clone.trx", "--results-directory", results);

        var trx = Directory.Exists(results) ? Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories) : [];
        Assert.True(exitCode == 0 && trx.Length == 1, $"dotnet test in the clone exited {exitCode}:\n{Tail(output)}");
        var counters = Counters().Match(File.ReadAllText(trx[0]));
        Assert.True(counters.Success, "no counters in " + trx[0]);
        Assert.Equal("0", counters.Groups["failed"].Value);
        Assert.True(int.Parse(counters.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 10,
            "too few fixture-dependent tests ran in the clone: " + counters.Value);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
            // git's pack files are read-only on some systems; same as above.
        }
    }

    private static (int ExitCode, string Output) DotnetTest(string workingDirectory, params string[] arguments)
    {
        try
        {
            var run = ToolRun.RunAsync("dotnet", ["test", .. arguments, "-c", "Release", "-nologo"], new ToolRunOptions
            {
                WorkingDirectory = workingDirectory,

                // The outer test run's MSBuild and test-host settings point at this checkout's build; the clone builds its own.
                Remove = name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("KLINKY_", StringComparison.OrdinalIgnoreCase),
                Environment = new Dictionary<string, string?>
                {
                    ["MSBUILDDISABLENODEREUSE"] = "1",
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                    ["DOTNET_NOLOGO"] = "1",
                },
                Timeout = TimeSpan.FromMinutes(15),
            }).GetAwaiter().GetResult();
            return (run.ExitCode, run.Output + run.Errors);
        }
        catch (TimeoutException ex)
        {
            return (-1, ex.Message);
        }
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];

    [GeneratedRegex(@"<Counters [^>]*\bpassed=""(?<passed>\d+)""[^>]*\bfailed=""(?<failed>\d+)""")]
    private static partial Regex Counters();
}
