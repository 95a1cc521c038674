using System.Text.Json;
using System.Xml.Linq;
using Klinky.Testing;
using YamlDotNet.RepresentationModel;

namespace Klinky.Docs.Tests.Samples;

/// <summary>The samples that are not programs: YAML workflows and steps, MSBuild project fragments, JSON.</summary>
public class StructuredSamplesTests
{
    [Fact]
    public void YamlSamples_AreWorkflowsOrStepsWhoseKlinkyActionInputsExist()
    {
        var inputs = ActionInputs();
        var problems = new List<string>();
        var samples = DocSamples.All.Where(s => s.Language == "yaml" && s.Directive != "skip").ToList();
        foreach (var sample in samples)
        {
            YamlNode root;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(sample.Code));
                root = stream.Documents.Single().RootNode;
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
            {
                problems.Add($"{sample}: not YAML: {e.Message}");
                continue;
            }

            var steps = sample.Directive == "workflow" ? WorkflowSteps(sample, root, problems) : root as YamlSequenceNode;
            if (steps is null)
            {
                problems.Add($"{sample}: expected a list of steps");
                continue;
            }

            foreach (var step in steps.Children.OfType<YamlMappingNode>())
            {
                CheckStep(sample, step, inputs, problems);
            }
        }

        Assert.NotEmpty(samples);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void XmlSamples_AreProjectFragmentsThatParse()
    {
        var samples = DocSamples.All.Where(s => s.Language == "xml" && s.Directive == "project").ToList();
        foreach (var sample in samples)
        {
            var project = XElement.Parse("<Project>" + sample.Code + "</Project>");
            Assert.True(project.Elements().Any(), $"{sample}: no elements");
            Assert.All(project.Elements(), e => Assert.True(e.Name.LocalName is "ItemGroup" or "PropertyGroup" or "Target", $"{sample}: <{e.Name}> is not a project element"));
        }

        Assert.NotEmpty(samples);
    }

    [Fact]
    public void NuGetConfigSamples_AreConfigurationsWithPackageSources()
    {
        var samples = DocSamples.All.Where(s => s.Language == "xml" && s.Directive == "nuget-config").ToList();
        foreach (var sample in samples)
        {
            var configuration = XElement.Parse(sample.Code);
            Assert.Equal("configuration", configuration.Name.LocalName);
            var sources = configuration.Element("packageSources")?.Elements("add").ToList() ?? new List<XElement>();
            Assert.True(sources.Count > 0 && sources.All(a => a.Attribute("key") is not null && a.Attribute("value") is not null), $"{sample}: no <packageSources><add key value/>");
        }

        Assert.NotEmpty(samples);
    }

    [Fact]
    public void JsonSamples_AreOutputsOrParse()
    {
        foreach (var sample in DocSamples.All.Where(s => s.Language == "json" && s.Directive != "output"))
        {
            using var document = JsonDocument.Parse(sample.Code);
        }
    }

    private static YamlSequenceNode? WorkflowSteps(DocSample sample, YamlNode root, List<string> problems)
    {
        if (root is not YamlMappingNode workflow || Get(workflow, "on") is null || Get(workflow, "jobs") is not YamlMappingNode jobs)
        {
            problems.Add($"{sample}: a workflow has 'on' and 'jobs'");
            return null;
        }

        var steps = new YamlSequenceNode();
        foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
        {
            if (Get(job, "runs-on") is null || Get(job, "steps") is not YamlSequenceNode jobSteps)
            {
                problems.Add($"{sample}: every job has 'runs-on' and 'steps'");
                continue;
            }

            foreach (var step in jobSteps.Children)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static void CheckStep(DocSample sample, YamlMappingNode step, IReadOnlyDictionary<string, bool> inputs, List<string> problems)
    {
        var uses = Get(step, "uses")?.ToString();
        if (uses is null && Get(step, "run") is null)
        {
            problems.Add($"{sample}: a step has 'uses' or 'run'");
        }

        if (uses is null || !uses.StartsWith("klinky/action@", StringComparison.Ordinal))
        {
            return;
        }

        var with = (Get(step, "with") as YamlMappingNode)?.Children.Keys.Select(k => k.ToString()).ToHashSet() ?? [];
        problems.AddRange(with.Where(name => !inputs.ContainsKey(name)).Select(name => $"{sample}: klinky/action has no input '{name}'"));
        problems.AddRange(inputs.Where(i => i.Value && !with.Contains(i.Key)).Select(i => $"{sample}: klinky/action needs the input '{i.Key}'"));
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>action.yml's inputs, each with whether it is required.</summary>
    private static Dictionary<string, bool> ActionInputs()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml"))));
        var inputs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["inputs"];
        return inputs.Children.ToDictionary(
            i => i.Key.ToString(),
            i => Get((YamlMappingNode)i.Value, "required")?.ToString() == "true");
    }
}
