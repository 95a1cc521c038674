using Klinky.Testing;
using Xunit.Abstractions;

namespace Klinky.Docs.Tests.Samples;

[Collection(SamplesCollection.Name)]
public sealed class PageScriptTests(ITestOutputHelper log)
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in DocSamples.Pages.Where(p => PageScript.RunnableBlocks(p).Count > 0))
        {
            data.Add(page);
        }

        return data;
    }

    [Fact]
    public void Pages_WithShellOrPowerShellSamples_IncludeTheWalkthroughs()
    {
        var pages = ((IEnumerable<object[]>)Pages()).Select(row => (string)row[0]).ToList();

        Assert.Contains("docs/powershell.md", pages);
        Assert.Contains("docs/emulator.md", pages);
        Assert.Contains("docs/action.md", pages);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SamplesTypedInOrderFromTheRepositoryRoot_RunWithoutAnError(string page)
    {
        var own = DocSamples.Read(page).Where(s => s.Directive == "emulator").ToList();
        Assert.True(own.Count <= 1, $"{page} starts more than one emulator");
        await using var emulator = await DocEmulator.StartAsync(own.SingleOrDefault() ?? DocEmulator.Canonical);
        using var home = new SampleHome();
        var blocks = PageScript.RunnableBlocks(page);
        var script = Path.Combine(home.Root, "page.ps1");
        await File.WriteAllTextAsync(script, PageScript.Build(blocks, emulator));

        var before = UntrackedFiles();
        var restore = await CommandLine.RunAsync("dotnet", ["tool", "restore"], RepositoryPaths.Root, home.Environment(repositoryTools: true), TimeSpan.FromMinutes(2));
        Assert.True(restore.ExitCode == 0, "dotnet tool restore (docs/powershell.md, Install): " + restore);

        var result = await CommandLine.RunAsync("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-File", script],
            RepositoryPaths.Root, home.Environment(repositoryTools: true), TimeSpan.FromMinutes(8));

        log.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0 && result.Output.Contains("### all samples ran", StringComparison.Ordinal), $"{page}: {result}");
        Assert.Equal(before, UntrackedFiles()); // samples write into a temporary folder, never into the repository
        if (page is "README.md" or "docs/powershell.md")
        {
            // The module the page's commands used is the one its install steps put in the user's modules, not the build output.
            Assert.Contains("### module: " + home.Home, result.Output, StringComparison.Ordinal);
        }
    }

    private static string[] UntrackedFiles()
    {
        var (exitCode, output) = Repository.Git.Run(RepositoryPaths.Root, "status", "--porcelain", "--untracked-files=all");
        Assert.True(exitCode == 0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("??", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
    }
}
