using Klinky.Release.Tests.Workflows;
using Klinky.Testing;

namespace Klinky.Release.Tests.Rehearsal;

/// <summary>
/// <c>./build.sh release-rehearsal 1.2.3</c>: the release workflow's steps on a tagged clone of HEAD, into local stand-ins
/// for the registries, then every artifact installed and run as a user would, each reporting 1.2.3; the released
/// action.yml names the pushed image by digest, with the SBOM and the attestation inputs beside it.
/// </summary>
public sealed class ReleaseRehearsalTests
{
    private const string Version = "1.2.3";

    [Fact]
    public void Rehearsal_InstallsEveryArtifact_AndEachReportsTheReleaseVersion()
    {
        var result = Tool.Run("bash", [Path.Combine(RepositoryPaths.Root, ".ci", "release-rehearsal.sh"), Version], timeoutSeconds: 900);

        Assert.True(result.ExitCode == 0, result.Output);
        var output = Path.Combine(RepositoryPaths.Artifacts, "release-rehearsal");
        var report = File.ReadAllLines(Path.Combine(output, "report.txt"));
        Assert.DoesNotContain(report, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        foreach (var artifact in new[]
        {
            "klinky-emulator --version", "Install-Module Klinky (Get-Module).Version", "Klinky.Core (dotnet add package)",
            "Klinky.Build (restored by the project)", "image --version",
        })
        {
            Assert.Contains($"ok   {artifact} reports {Version}", report);
        }

        Assert.Contains(report, l => l.StartsWith("ok   the image as a docker action reported both links", StringComparison.Ordinal));
        Assert.Contains("ok   Klinky.Core's symbols carry SourceLink to the tagged commit on github.com/klinky/action", report);
        var digest = File.ReadAllLines(Path.Combine(output, "attestation-inputs.txt")).Single(l => l.StartsWith("image subject-digest: ", StringComparison.Ordinal))["image subject-digest: ".Length..];
        Assert.Matches("^sha256:[0-9a-f]{64}$", digest);
        Assert.Contains($"  image: docker://ghcr.io/klinky/action@{digest} # {Version}", File.ReadAllLines(Path.Combine(output, "action.yml")));
        Assert.Contains(report, l => l.StartsWith($"ok   image pushed to the OCI layout as {digest}", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("ok   SBOM (CycloneDX) of the image's program", StringComparison.Ordinal));
        Assert.Contains("\"bomFormat\": \"CycloneDX\"", File.ReadAllText(Path.Combine(output, "sbom.cdx.json")), StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "attestation-inputs.txt")).Count(l => l.Contains(".nupkg sha256:", StringComparison.Ordinal)));
        Assert.StartsWith("### Added", File.ReadAllText(Path.Combine(output, "release-notes.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "feed", $"Klinky.Core.{Version}.snupkg")));
    }
}
