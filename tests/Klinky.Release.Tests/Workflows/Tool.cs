using Klinky.Testing;

namespace Klinky.Release.Tests.Workflows;

/// <summary>Runs a command-line tool from the repository root; a missing tool is a failure that says how to get it, never a skip.</summary>
public static class Tool
{
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 300)
    {
        var run = ToolRun.StartAsync(file, arguments, RepositoryPaths.Root, environment, TimeSpan.FromSeconds(timeoutSeconds), "./build.sh test installs it.")
            .GetAwaiter().GetResult();
        return (run.ExitCode, run.Output + run.Errors);
    }
}
