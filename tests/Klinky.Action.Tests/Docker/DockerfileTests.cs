using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Klinky.Testing;

namespace Klinky.Action.Tests.Docker;

/// <summary>
/// The Dockerfile's invariants, checked as text (the container tests build and run it): base images match the target
/// framework, every COPY source exists and reaches the build context, the entrypoint runs the published program as root.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string DockerfilePath = Path.Combine(Root, "action", "Dockerfile");
    private static readonly DockerfileModel Dockerfile = DockerfileModel.Load(DockerfilePath);

    private static string TargetFrameworkVersion()
    {
        var project = XDocument.Load(Path.Combine(Root, "src", "Klinky.Action", "Klinky.Action.csproj"));
        var tfm = project.Descendants("TargetFramework").Single().Value;
        return TargetFramework().Match(tfm).Groups[1].Value;
    }

    [Fact]
    public void BaseImages_AreTheAotSdkAndAChiseledRuntimeDeps_OfTheTargetFramework()
    {
        var version = TargetFrameworkVersion();
        var images = Dockerfile.Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')[0]).ToList();

        Assert.Equal(2, images.Count);
        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{version}-noble-aot", images[0]);
        Assert.Equal($"mcr.microsoft.com/dotnet/runtime-deps:{version}-noble-chiseled", images[1]);
    }

    /// <summary>
    /// <c>docker build -f action/Dockerfile .</c> as a contributor types it builds (a local prerelease, and says so),
    /// and each platform's image is published for its own runtime identifier (TARGETARCH), never x64 code on arm64.
    /// </summary>
    [Fact]
    public void Build_WorksWithoutBuildArguments_AndPublishesForTheTargetPlatformsRuntime()
    {
        var instructions = Dockerfile.Instructions.ToList();
        var publish = instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        var restore = instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal)).Arguments;
        var project = File.ReadAllText(Path.Combine(Root, "src", "Klinky.Action", "Klinky.Action.csproj"));

        Assert.Contains(("ARG", "VERSION=\"\""), instructions);
        Assert.Contains("${VERSION:-0.0.0-local}", publish, StringComparison.Ordinal);
        Assert.Contains("No --build-arg VERSION=X.Y.Z given", publish, StringComparison.Ordinal);
        Assert.Contains("-p:MinVerVersionOverride=\"$version\"", publish, StringComparison.Ordinal);
        Assert.Contains(("ARG", "TARGETARCH"), instructions);
        Assert.Contains("amd64|x86_64) echo x64", restore, StringComparison.Ordinal);
        Assert.Contains("arm64|aarch64) echo arm64", restore, StringComparison.Ordinal);
        Assert.Contains("-r \"$(cat /tmp/rid)\"", publish, StringComparison.Ordinal);
        Assert.DoesNotContain("<RuntimeIdentifier>linux-x64</RuntimeIdentifier>", project, StringComparison.Ordinal);
        Assert.DoesNotContain("PublishReadyToRun", project, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCopySource_ExistsAndIsNotExcludedByDockerignore()
    {
        var ignore = DockerIgnore.Load(Path.Combine(Root, ".dockerignore"));
        var copies = Dockerfile.Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copies);
        foreach (var (_, arguments) in copies)
        {
            var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[..^1])
            {
                var path = Path.Combine(Root, source);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY source {source} does not exist");
                Assert.False(ignore.IsExcluded(source), $"COPY source {source} is excluded by .dockerignore");
            }
        }
    }

    [Fact]
    public void Dockerignore_KeepsBuildOutputAndSecretsOutOfTheContext()
    {
        var ignore = DockerIgnore.Load(Path.Combine(Root, ".dockerignore"));

        Assert.True(ignore.IsExcluded("src/Klinky.Action/bin/Release/net10.0/Klinky.Action.dll"));
        Assert.True(ignore.IsExcluded("src/Klinky.Core/obj/project.assets.json"));
        Assert.True(ignore.IsExcluded("artifacts/action/Klinky.Action.dll"));
        Assert.True(ignore.IsExcluded(".git/config"));
        Assert.False(ignore.IsExcluded("src/Klinky.Action/Program.cs"));
    }

    [Fact]
    public void ProjectFilesAreRestored_BeforeTheSourcesAreCopied()
    {
        var instructions = Dockerfile.Instructions.ToList();
        var restore = instructions.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var firstSourceCopy = instructions.FindIndex(i => i.Keyword == "COPY" && i.Arguments.StartsWith("src/", StringComparison.Ordinal) && !i.Arguments.Contains(".csproj", StringComparison.Ordinal));

        Assert.True(restore > 0 && firstSourceCopy > restore, "dotnet restore must run before the sources are copied");
    }

    [Fact]
    public void FinalStage_RunsThePublishedProgramAsRoot_InExecForm()
    {
        var final = Dockerfile.FinalStage.ToList();
        var entrypoint = final.Single(i => i.Keyword == "ENTRYPOINT").Arguments;
        var publish = Dockerfile.Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        var assemblyName = XDocument.Load(Path.Combine(Root, "src", "Klinky.Action", "Klinky.Action.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Equal(new[] { $"/app/{assemblyName}" }, JsonSerializer.Deserialize<string[]>(entrypoint));
        Assert.Contains("src/Klinky.Action/Klinky.Action.csproj", publish, StringComparison.Ordinal);
        Assert.Contains("-o /app", publish, StringComparison.Ordinal);
        Assert.Contains(final, i => i.Keyword == "COPY" && i.Arguments == $"--from=build /app/{assemblyName} ./");
        Assert.Equal("root", final.Last(i => i.Keyword == "USER").Arguments);
    }

    [Fact]
    public void ActionYml_RunsTheImageBuiltFromTheDockerfile_AndDeclaresTheIssuesInputsAndOutputs()
    {
        var yaml = File.ReadAllText(Path.Combine(Root, "action.yml"));
        var publishing = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "release.yml"));

        Assert.Matches(@"(?m)^  using: docker$", yaml);
        var image = ImageLine().Match(yaml).Groups[1].Value;
        // The runner would build a Dockerfile with its own folder (action/) as the context, where src/ is out of reach:
        // action.yml runs the image that the release workflow builds from action/Dockerfile with the root as context,
        // :edge until the first release, then the release's own X.Y.Z (set by .ci/release.sh prepare).
        Assert.Matches(@"^docker://ghcr\.io/klinky/action:(edge|\d+\.\d+\.\d+)$", image);
        Assert.Contains("context: .", publishing, StringComparison.Ordinal);
        Assert.Contains("file: action/Dockerfile", publishing, StringComparison.Ordinal);
        Assert.Contains("echo \"ghcr.io/klinky/action:$VERSION\"", publishing, StringComparison.Ordinal);
        Assert.Equal(
            new[] { "api-key", "base-url", "github-token", "links", "slug-prefix", "manifest", "comment-key", "comment-mode", "minimum-effect", "chart", "job-summary", "fail-on-comment-error", "status", "pr-number", "no-pull-request", "on-close", "refresh-after", "budget-reserve", "fail-on-stale", "github-rate-limit-wait" },
            Section(yaml, "inputs"));
        Assert.Equal(new[] { "comment-id", "comment-url", "pull-request", "closed-links", "report-path", "significant", "winners", "status", "klinky-requests", "klinky-budget-left" }, Section(yaml, "outputs"));
        Assert.Contains("default: ${{ github.token }}", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dockerfile_PassesDockerfileUtilsLint()
    {
        var result = await Npx.RunAsync("dockerfile-utils", "lint", DockerfilePath);

        Assert.True(result.ExitCode == 0 && result.Output.Trim().Length == 0, result.Output);
    }

    [Theory]
    [InlineData("action.yml")]
    [InlineData("docs/workflows/klinky-report.yml")]
    [InlineData("docs/workflows/klinky-report-forks.yml")]
    [InlineData("docs/workflows/klinky-report-push.yml")]
    [InlineData("docs/workflows/klinky-report-schedule.yml")]
    [InlineData("docs/workflows/klinky-links-on-close.yml")]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData(".github/workflows/release.yml")]
    public async Task ActionAndExampleWorkflows_PassActionValidator(string file)
    {
        var result = await Npx.RunAsync("@action-validator/cli", WithoutScopesNewerThanTheValidator(Path.Combine(Root, file)));

        Assert.True(result.ExitCode == 0, result.Output);
    }

    /// <summary>
    /// The validator's schema (0.6.0, the newest) predates the <c>attestations</c> permission that
    /// actions/attest-build-provenance needs: a copy without those lines is validated (ReleaseWorkflowTests pins them).
    /// </summary>
    private static string WithoutScopesNewerThanTheValidator(string path)
    {
        var lines = File.ReadAllLines(path);
        if (!lines.Any(l => l.Trim() == "attestations: write"))
        {
            return path;
        }

        var copy = Path.Combine(Directory.CreateTempSubdirectory("klinky-validator-").FullName, Path.GetFileName(path));
        File.WriteAllLines(copy, lines.Where(l => l.Trim() != "attestations: write"));
        return copy;
    }

    private static List<string> Section(string yaml, string name)
    {
        var block = Regex.Match(yaml, $@"(?ms)^{name}:\n(.*?)(?=^\S)").Groups[1].Value;
        return Regex.Matches(block, @"(?m)^  ([a-z-]+):\s*$").Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"^net(\d+\.\d+)$")]
    private static partial Regex TargetFramework();

    [GeneratedRegex(@"(?m)^  image: (\S+)$")]
    private static partial Regex ImageLine();
}
