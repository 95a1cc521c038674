using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Release.Tests.Workflows;

/// <summary>What actionlint does not check: pinning, permissions, secrets and the release's own steps.</summary>
public sealed partial class ReleaseWorkflowTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".github", "workflows", name));

    [Theory]
    [InlineData("ci.yml")]
    [InlineData("release.yml")]
    public void EveryAction_IsPinnedToAFullCommitSha(string workflow)
    {
        var uses = Uses().Matches(Read(workflow)).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches(@"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$", u));
    }

    [Theory]
    [InlineData("ci.yml")]
    [InlineData("release.yml")]
    public void Secrets_AreUsedByNameOnly_InStepEnvironmentsAndInputs(string workflow)
    {
        var lines = Read(workflow).Split('\n');
        var secretLines = lines.Where(l => l.Contains("secrets.", StringComparison.Ordinal)).ToList();

        Assert.All(secretLines, l => Assert.Matches(@"^\s+[A-Za-z_-]+: \$\{\{ secrets\.(GITHUB_TOKEN|NUGET_API_KEY|PSGALLERY_API_KEY) \}\}$", l));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("run:", StringComparison.Ordinal) && l.Contains("secrets.", StringComparison.Ordinal));
    }

    [Fact]
    public void ReleaseJobs_EachDeclareTheirOwnLeastPermissions()
    {
        var release = Read("release.yml");
        var jobs = Jobs(release);

        Assert.Matches(@"(?m)^permissions: \{\}$", release);
        Assert.Equal(new[] { "check", "test", "nuget", "psgallery", "image", "github-release" }, jobs.Keys);
        Assert.All(jobs.Values, body => Assert.Contains("    permissions:\n      contents: ", body, StringComparison.Ordinal));
        Assert.Equal(new[] { "github-release" }, jobs.Where(j => j.Value.Contains("contents: write", StringComparison.Ordinal)).Select(j => j.Key));
        Assert.Equal(new[] { "image" }, jobs.Where(j => j.Value.Contains("packages: write", StringComparison.Ordinal)).Select(j => j.Key));
    }

    [Fact]
    public void Release_PublishesEveryArtifact_AfterTheTests()
    {
        var release = Read("release.yml");
        var jobs = Jobs(release);

        Assert.Contains("tags: ['v[0-9]+.[0-9]+.[0-9]+']", release, StringComparison.Ordinal);
        Assert.Contains(".ci/release.sh check", jobs["check"], StringComparison.Ordinal);
        Assert.Contains("./build.sh test", jobs["test"], StringComparison.Ordinal);
        Assert.Contains("dotnet nuget push", jobs["nuget"], StringComparison.Ordinal);
        Assert.Contains("Publish-PSResource -Path artifacts/powershell/Klinky -Repository PSGallery", jobs["psgallery"], StringComparison.Ordinal);
        Assert.Contains("platforms: linux/amd64,linux/arm64", jobs["image"], StringComparison.Ordinal);
        Assert.Contains("${VERSION%.*}", jobs["image"], StringComparison.Ordinal);
        Assert.Contains("${VERSION%%.*}", jobs["image"], StringComparison.Ordinal);
        Assert.Contains("git push -f origin \"refs/tags/$major\"", jobs["github-release"], StringComparison.Ordinal);
        Assert.Contains(".ci/changelog.sh notes", jobs["github-release"], StringComparison.Ordinal);
        foreach (var publishing in new[] { "nuget", "psgallery", "image" })
        {
            Assert.Matches(@"needs: \[check, test\]", jobs[publishing]);
        }
    }

    [Fact]
    public void Ci_RunsTheSuiteOnLinux_AndPesterAndMsbuildOnWindows()
    {
        var jobs = Jobs(Read("ci.yml"));

        Assert.Contains("run: ./build.sh test", jobs["linux"], StringComparison.Ordinal);
        Assert.Contains("shell: powershell\n        run: ./powershell/tests/Invoke-PesterSuite.ps1", jobs["windows"], StringComparison.Ordinal);
        Assert.Contains("shell: pwsh\n        run: ./powershell/tests/Invoke-PesterSuite.ps1", jobs["windows"], StringComparison.Ordinal);
        Assert.Contains("sample-build.ps1 -Builder msbuild", jobs["windows"], StringComparison.Ordinal);
        Assert.Contains("sample-build.ps1 -Builder dotnet", jobs["windows"], StringComparison.Ordinal);
        Assert.Contains("microsoft/setup-msbuild@", jobs["windows"], StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Jobs(string workflow)
    {
        var body = workflow[(workflow.IndexOf("\njobs:\n", StringComparison.Ordinal) + 7)..];
        var starts = JobStart().Matches(body).ToList();
        return starts.Select((m, i) => (m.Groups[1].Value, body[m.Index..(i + 1 < starts.Count ? starts[i + 1].Index : body.Length)]))
            .ToDictionary(j => j.Item1, j => j.Item2);
    }

    [GeneratedRegex(@"(?m)^\s+(?:- )?uses: ([^\s#]+)")]
    private static partial Regex Uses();

    [GeneratedRegex(@"(?m)^  ([a-z-]+):\n")]
    private static partial Regex JobStart();
}
