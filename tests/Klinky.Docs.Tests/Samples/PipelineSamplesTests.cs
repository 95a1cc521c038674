using System.Text.RegularExpressions;
using Klinky.Testing;
using YamlDotNet.RepresentationModel;

namespace Klinky.Docs.Tests.Samples;

/// <summary>
/// The Azure Pipelines and GitLab CI samples of docs/azure-pipelines.md and docs/gitlab.md: well-formed YAML of the
/// system's shape, every variable they use defined (by the pipeline, by the CI system, or as the secret the page
/// names), every task, job stage, cmdlet, cmdlet parameter and Klinky MSBuild property one that exists.
/// </summary>
public sealed partial class PipelineSamplesTests
{
    // Azure Pipelines' predefined variables these samples may use (learn.microsoft.com/azure/devops/pipelines/build/variables).
    private static readonly HashSet<string> AzurePredefined = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.AccessToken", "System.PullRequest.PullRequestId", "System.PullRequest.SourceCommitId", "Build.Reason",
        "Build.SourcesDirectory", "Build.ArtifactStagingDirectory", "Build.BuildId", "Agent.TempDirectory",
    };

    private static readonly HashSet<string> AzureTasks = new(StringComparer.Ordinal) { "UseDotNet@2", "DotNetCoreCLI@2", "PowerShell@2" };

    // GitLab's predefined variables these samples may use (docs.gitlab.com/ci/variables/predefined_variables).
    private static readonly HashSet<string> GitLabPredefined = new(StringComparer.Ordinal)
    {
        "CI_PIPELINE_SOURCE", "CI_MERGE_REQUEST_IID", "CI_PROJECT_ID", "CI_SERVER_URL", "CI_API_V4_URL", "CI_COMMIT_SHA",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", "CI_JOB_TOKEN",
    };

    /// <summary>Secrets the user defines in the CI system's settings; each page must say so, and the code must read that name.</summary>
    private static readonly string[] Secrets = { "KLINKY_API_KEY", "KLINKY_GITLAB_TOKEN" };

    [Fact]
    public void AzurePipelineSamples_AreWellFormed_AndUseOnlyWhatExists()
    {
        var samples = Samples("azure-pipeline");
        var problems = new List<string>();
        foreach (var sample in samples)
        {
            if (Load(sample, problems) is not YamlMappingNode root)
            {
                continue;
            }

            var defined = Keys(Get(root, "variables"));
            if (Get(root, "steps") is not YamlSequenceNode steps || steps.Children.Count == 0)
            {
                problems.Add($"{sample}: an Azure pipeline has 'steps'");
                continue;
            }

            foreach (var step in steps.Children.OfType<YamlMappingNode>())
            {
                var kinds = new[] { "task", "script", "pwsh", "bash", "powershell", "checkout" }.Where(k => Get(step, k) is not null).ToList();
                if (kinds.Count != 1)
                {
                    problems.Add($"{sample}: a step is exactly one of task, script, pwsh, bash, powershell, checkout (found {string.Join(", ", kinds)})");
                }

                if (Get(step, "task")?.ToString() is { } task && !AzureTasks.Contains(task))
                {
                    problems.Add($"{sample}: unknown task '{task}'");
                }

                var script = Get(step, "pwsh")?.ToString() ?? Get(step, "script")?.ToString() ?? "";
                CheckScript(sample, script, problems);
                if (script.Contains("Publish-KlinkyReport", StringComparison.Ordinal)
                    && Get(step, "env") is YamlMappingNode env && Get(env, "SYSTEM_ACCESSTOKEN")?.ToString() != "$(System.AccessToken)")
                {
                    problems.Add($"{sample}: the Publish-KlinkyReport step maps SYSTEM_ACCESSTOKEN: $(System.AccessToken)");
                }
            }

            foreach (Match macro in AzureMacro().Matches(sample.Code))
            {
                var name = macro.Groups[1].Value;
                if (!defined.Contains(name) && !AzurePredefined.Contains(name) && !Secrets.Contains(name))
                {
                    problems.Add($"{sample}: $({name}) is neither defined by the pipeline, predefined by Azure Pipelines, nor a secret the page names");
                }
            }

            foreach (Match variable in AzureCondition().Matches(sample.Code))
            {
                if (!defined.Contains(variable.Groups[1].Value) && !AzurePredefined.Contains(variable.Groups[1].Value))
                {
                    problems.Add($"{sample}: variables['{variable.Groups[1].Value}'] is not defined");
                }
            }
        }

        Assert.NotEmpty(samples);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void GitLabCiSamples_AreWellFormed_AndUseOnlyWhatExists()
    {
        var samples = Samples("gitlab-ci");
        var problems = new List<string>();
        foreach (var sample in samples)
        {
            if (Load(sample, problems) is not YamlMappingNode root)
            {
                continue;
            }

            var defined = Keys(Get(root, "variables"));
            var stages = (Get(root, "stages") as YamlSequenceNode)?.Children.Select(s => s.ToString()).ToHashSet() ?? new HashSet<string> { "build", "test", "deploy" };
            var jobs = root.Children.Where(j => j.Value is YamlMappingNode job && Get(job, "script") is not null).ToList();
            if (jobs.Count == 0)
            {
                problems.Add($"{sample}: a GitLab pipeline has at least one job with a 'script'");
            }

            foreach (var (name, node) in jobs)
            {
                var job = (YamlMappingNode)node;
                if (Get(job, "script") is not YamlSequenceNode script || script.Children.Count == 0)
                {
                    problems.Add($"{sample}: job '{name}' has a list of script lines");
                    continue;
                }

                if (Get(job, "stage")?.ToString() is { } stage && !stages.Contains(stage))
                {
                    problems.Add($"{sample}: job '{name}' is in stage '{stage}', which 'stages' does not list");
                }

                foreach (var line in script.Children)
                {
                    CheckScript(sample, line.ToString(), problems);
                }
            }

            if (sample.Code.Contains("Publish-KlinkyReport", StringComparison.Ordinal) && !sample.Code.Contains("merge_request_event", StringComparison.Ordinal))
            {
                problems.Add($"{sample}: the report runs in merge request pipelines (a rule on merge_request_event)");
            }

            foreach (Match variable in GitLabVariable().Matches(sample.Code))
            {
                var used = variable.Groups[1].Value;
                if (!defined.Contains(used) && !GitLabPredefined.Contains(used) && !Secrets.Contains(used))
                {
                    problems.Add($"{sample}: ${used} is neither defined by the pipeline, predefined by GitLab, nor a CI/CD variable the page names");
                }
            }
        }

        Assert.NotEmpty(samples);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheSecretsThePagesName_AreTheNamesTheCodeReads()
    {
        var sources = string.Join("\n", Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var secret in Secrets)
        {
            Assert.Contains($"\"{secret}\"", sources, StringComparison.Ordinal);
        }

        Assert.Contains("KLINKY_GITLAB_TOKEN", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "gitlab.md")), StringComparison.Ordinal);
    }

    /// <summary>Cmdlets the module exports, the parameters Publish-KlinkyReport documents, and Klinky.Build's properties.</summary>
    private static void CheckScript(DocSample sample, string script, List<string> problems)
    {
        var cmdlets = Cmdlet().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "powershell", "Klinky.psd1"))).Select(m => m.Groups[1].Value).ToHashSet();
        foreach (Match used in Cmdlet().Matches(script))
        {
            if (!cmdlets.Contains(used.Groups[1].Value))
            {
                problems.Add($"{sample}: the module exports no {used.Groups[1].Value}");
            }
        }

        var publish = script.IndexOf("Publish-KlinkyReport", StringComparison.Ordinal);
        if (publish >= 0)
        {
            var help = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "powershell", "help", "Publish-KlinkyReport.psd1"));
            foreach (Match parameter in Parameter().Matches(script[publish..].Split('\n', '"')[0]))
            {
                if (!Regex.IsMatch(help, $@"(?m)^\s+{parameter.Groups[1].Value}\s+="))
                {
                    problems.Add($"{sample}: Publish-KlinkyReport has no -{parameter.Groups[1].Value}");
                }
            }
        }

        var build = string.Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Klinky.Build", "build")).Select(File.ReadAllText));
        foreach (Match property in MsBuildProperty().Matches(script))
        {
            if (property.Groups[1].Value.StartsWith("Klinky", StringComparison.Ordinal) && !build.Contains($"<{property.Groups[1].Value}", StringComparison.Ordinal))
            {
                problems.Add($"{sample}: Klinky.Build has no property {property.Groups[1].Value}");
            }
        }
    }

    private static List<DocSample> Samples(string directive) => DocSamples.All.Where(s => s.Language == "yaml" && s.Directive == directive).ToList();

    private static YamlNode? Load(DocSample sample, List<string> problems)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(sample.Code));
            return stream.Documents.Single().RootNode;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            problems.Add($"{sample}: not YAML: {e.Message}");
            return null;
        }
    }

    private static HashSet<string> Keys(YamlNode? node) =>
        (node as YamlMappingNode)?.Children.Keys.Select(k => k.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? new HashSet<string>();

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    [GeneratedRegex(@"\$\(([A-Za-z_][\w.]*)\)")]
    private static partial Regex AzureMacro();

    [GeneratedRegex(@"variables\['([\w.]+)'\]")]
    private static partial Regex AzureCondition();

    [GeneratedRegex(@"\$\{?([A-Z][A-Z0-9_]+)\}?")]
    private static partial Regex GitLabVariable();

    [GeneratedRegex(@"\b([A-Z][a-z]+-Klinky\w*)\b")]
    private static partial Regex Cmdlet();

    [GeneratedRegex(@"\s-([A-Z]\w+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"-p:(\w+)=")]
    private static partial Regex MsBuildProperty();
}
