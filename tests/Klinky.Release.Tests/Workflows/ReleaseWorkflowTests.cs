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

        Assert.All(secretLines, l => Assert.Matches(@"^\s+[A-Za-z_-]+: \$\{\{ secrets\.(GITHUB_TOKEN|PSGALLERY_API_KEY) \}\}$", l));
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
        Assert.Equal(new[] { "nuget", "image" }, jobs.Where(j => j.Value.Contains("id-token: write", StringComparison.Ordinal)).Select(j => j.Key));
        Assert.Equal(new[] { "nuget", "image" }, jobs.Where(j => j.Value.Contains("attestations: write", StringComparison.Ordinal)).Select(j => j.Key));
    }

    /// <summary>
    /// What a user can verify: NuGet by trusted publishing (no stored key; the Gallery's key the one secret), provenance
    /// attested for the packages and the image, an SBOM, and the released action.yml naming the pushed digest, with the
    /// release tag moved to that commit before the (immutable) release exists and vX moved after it.
    /// </summary>
    [Fact]
    public void Release_IsVerifiable_TrustedPublishing_Attestations_Sbom_DigestPinnedActionYml()
    {
        var release = Read("release.yml");
        var jobs = Jobs(release);

        Assert.DoesNotContain("NUGET_API_KEY }}", release.Replace("steps.nuget-login.outputs.NUGET_API_KEY }}", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("uses: NuGet/login@", jobs["nuget"], StringComparison.Ordinal);
        Assert.Contains("--api-key \"$NUGET_API_KEY\"", jobs["nuget"], StringComparison.Ordinal);
        Assert.Contains("PSGALLERY_API_KEY: ${{ secrets.PSGALLERY_API_KEY }}", jobs["psgallery"], StringComparison.Ordinal);
        Assert.Contains("actions/attest-build-provenance@", jobs["nuget"], StringComparison.Ordinal);
        Assert.Contains("subject-path: artifacts/packages/*.nupkg", jobs["nuget"], StringComparison.Ordinal);
        Assert.Contains("subject-digest: ${{ steps.build.outputs.digest }}", jobs["image"], StringComparison.Ordinal);
        Assert.Contains("digest: ${{ steps.build.outputs.digest }}", jobs["image"], StringComparison.Ordinal);
        Assert.Contains(".ci/release.sh sbom", jobs["image"], StringComparison.Ordinal);
        var github = jobs["github-release"];
        var pin = github.IndexOf(".ci/release.sh pin \"$VERSION\" \"$DIGEST\"", StringComparison.Ordinal);
        var moveRelease = github.IndexOf("git push -f origin \"refs/tags/v$VERSION\"", StringComparison.Ordinal);
        var create = github.IndexOf("gh release create", StringComparison.Ordinal);
        var moveMajor = github.IndexOf("git push -f origin \"refs/tags/$major\"", StringComparison.Ordinal);
        Assert.True(pin > 0 && pin < moveRelease && moveRelease < create && create < moveMajor, "pin, move vX.Y.Z, create the release, then move vX");
        Assert.Contains("DIGEST: ${{ needs.image.outputs.digest }}", github, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependabot_KeepsActionsBaseImagesAndPackagesCurrent_Grouped()
    {
        var dependabot = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".github", "dependabot.yml"));

        foreach (var (ecosystem, directory) in new[] { ("github-actions", "/"), ("docker", "/action"), ("nuget", "/") })
        {
            Assert.Matches($@"(?ms)- package-ecosystem: {ecosystem}
    directory: {Regex.Escape(directory)}
.*?groups:", dependabot);
        }
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
        Assert.Contains("KLINKY_NO_SKIPS: \"1\"", jobs["linux"], StringComparison.Ordinal);
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
