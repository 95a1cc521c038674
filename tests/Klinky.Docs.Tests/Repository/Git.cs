using Klinky.Testing;

namespace Klinky.Docs.Tests.Repository;

/// <summary>Runs git (on the PATH, as for any contributor) and returns its exit code and output.</summary>
internal static class Git
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var run = ToolRun.RunAsync("git", arguments, new ToolRunOptions { WorkingDirectory = workingDirectory, InstallHint = "install git" }).GetAwaiter().GetResult();
        return (run.ExitCode, run.ExitCode == 0 ? run.Output : run.Output + run.Errors);
    }
}
