using System.Net.Http.Json;
using System.Text.Json;
using Klinky.Docs.Tests.Samples;
using Klinky.Testing;
using Klinky.Testing.Action;
using Klinky.Testing.GitHub;
using YamlDotNet.RepresentationModel;

namespace Klinky.Docs.Tests.GettingStarted;

/// <summary>
/// docs/getting-started.md, followed as a new user would: an empty web project gets the page's csproj items and the
/// page's nuget.config (Klinky.Build from a packages/ folder, packed by ./build.sh), is published by the page's workflow
/// step as a pull request's runner would run it (against the emulator), and the published action, given only what the
/// page's workflow gives it (the key), posts the report on a fake GitHub. The comment must name the link the build made.
/// </summary>
public sealed class GettingStartedTests
{
    private const string Page = "docs/getting-started.md";
    private const int PullRequest = 7;

    [Fact]
    public async Task GettingStarted_EmptyProjectToFirstReport_TheCommentNamesTheLinkTheBuildCreated()
    {
        var samples = DocSamples.Read(Page).ToList();
        var workflow = Single(samples, "yaml", "workflow").Code;
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "workflows", "klinky-report.yml")), workflow);
        var (publishCommand, klinkyInputs) = ReadWorkflow(workflow);
        Assert.Equal(new[] { "api-key" }, klinkyInputs);

        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "scale" });
        await using var github = await FakeGitHub.StartAsync();
        var token = "ghs_" + Guid.NewGuid().ToString("N");
        github.AddToken(token, new FakeToken("github-actions[bot]", IsInstallation: true, ReadOnly: false));
        using var runner = new RunnerSandbox(github.ApiUrl, "pull_request", RunnerSandbox.PullRequestEvent(PullRequest));
        runner.Environment["GITHUB_REF"] = $"refs/pull/{PullRequest}/merge";
        // A fresh package folder beside the workspace (the sandbox removes both): nothing comes from the machine's cache.
        var nugetPackages = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(runner.Workspace)!, "nuget-packages")).FullName;

        // The repository: `dotnet new web`, then the page's one project edit and its nuget.config with the package beside it.
        var repository = runner.Workspace;
        var created = await DotnetAsync(repository, nugetPackages, "new", "web", "--name", "Web", "--output", ".");
        Assert.True(created.ExitCode == 0, created.ToString());
        var project = Path.Combine(repository, "Web.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", Single(samples, "xml", "project").Code + "</Project>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(repository, "nuget.config"), Single(samples, "xml", "nuget-config").Code);
        var feed = Directory.CreateDirectory(Path.Combine(repository, "packages")).FullName;
        foreach (var package in Directory.GetFiles(Path.Combine(RepositoryPaths.Artifacts, "packages"), "Klinky.Build.*.nupkg"))
        {
            File.Copy(package, Path.Combine(feed, Path.GetFileName(package)));
        }

        File.Copy(Path.Combine(RepositoryPaths.Root, "global.json"), Path.Combine(repository, "global.json"));

        // The workflow's publish step, on a pull request's runner; only the API's address differs (the emulator).
        var environment = new Dictionary<string, string?>(runner.Environment.Where(e => !e.Key.StartsWith("INPUT_", StringComparison.Ordinal)))
        {
            ["KLINKY_API_KEY"] = emulator.ApiKey,
            ["KLINKY_BASE_URL"] = emulator.BaseUrl,
            ["NUGET_PACKAGES"] = nugetPackages,
        };
        var published = await CommandLine.RunAsync("bash", new[] { "-c", publishCommand }, repository, environment, TimeSpan.FromMinutes(6));
        Assert.True(published.ExitCode == 0, published.ToString());
        var slug = $"checkout-pr{PullRequest}";
        Assert.Contains($"Klinky: {slug} -> ", published.Output, StringComparison.Ordinal);

        // The action with only the page's inputs (plus the emulator's address and the job's token).
        runner.WithInput("api-key", emulator.ApiKey).WithInput("base-url", emulator.BaseUrl).WithInput("github-token", token);
        var before = await RemainingAsync(emulator);
        var reported = await runner.RunAsync();

        Assert.True(reported.ExitCode == 0, reported.ToString());
        var comment = Assert.Single(github.Comments(RunnerSandbox.Repository, PullRequest));
        Assert.Contains($"`{slug}`", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Checkout preview", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("::warning", reported.Stdout, StringComparison.Ordinal);

        // The build's manifest names the link and says when Klinky created it: within refresh-after of that, the first
        // report shows its counts then (zero) and spends nothing.
        Assert.Contains("when the link was created", comment.Body, StringComparison.Ordinal);
        Assert.Equal(0, before - await RemainingAsync(emulator));
    }

    private static DocSample Single(IEnumerable<DocSample> samples, string language, string directive) =>
        Assert.Single(samples, s => s.Language == language && s.Directive == directive);

    /// <summary>The publish step's command as the runner runs it on pull request 7 from this repository, and the action's inputs.</summary>
    private static (string PublishCommand, string[] KlinkyInputs) ReadWorkflow(string workflow)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(workflow));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("jobs")];
        var steps = ((YamlSequenceNode)((YamlMappingNode)Assert.Single(jobs.Children).Value).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
        string? Get(YamlMappingNode step, string key) => step.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

        var publish = Assert.Single(steps, s => Get(s, "run")?.StartsWith("dotnet publish", StringComparison.Ordinal) == true);
        var command = Get(publish, "run")!
            .Replace("${{ github.event.pull_request.number }}", PullRequest.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("${{ env.FROM_FORK }}", "false", StringComparison.Ordinal);
        Assert.DoesNotContain("${{", command, StringComparison.Ordinal);
        var klinky = Assert.Single(steps, s => Get(s, "uses")?.StartsWith("klinky/action@", StringComparison.Ordinal) == true);
        var inputs = ((YamlMappingNode)klinky.Children[new YamlScalarNode("with")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray();
        return (command, inputs);
    }

    private static Task<CommandResult> DotnetAsync(string folder, string nugetPackages, params string[] arguments) =>
        CommandLine.RunAsync("dotnet", arguments, folder, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = nugetPackages }, TimeSpan.FromMinutes(2));

    // The free read of the key's budget: reading it spends nothing.
    private static async Task<int> RemainingAsync(EmulatorProcess emulator)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-API-Key", emulator.ApiKey);
        var body = await http.GetFromJsonAsync<JsonElement>(emulator.BaseUrl + "/public/keys/rate-limit");
        return body.GetProperty("remaining").GetInt32();
    }
}
