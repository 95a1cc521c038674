using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>The tests' runner sets what the real runner sets: every input action.yml declares, at its declared default.</summary>
public sealed partial class RunnerSandboxTests
{
    [Fact]
    public void Defaults_AreActionYmlsInputsAndDefaults()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml"));
        var inputs = Regex.Match(yaml, @"(?ms)^inputs:\n(.*?)(?=^\S)").Groups[1].Value;
        var declared = InputBlock().Matches(inputs).ToDictionary(
            m => m.Groups[1].Value,
            m => DefaultLine().Match(m.Groups[2].Value) is { Success: true } d ? d.Groups[1].Value.Trim('"') : "");

        // The runner evaluates ${{ github.token }}; the sandbox passes a token per test, so it starts empty.
        declared["github-token"] = "";
        Assert.Equal(declared.OrderBy(p => p.Key, StringComparer.Ordinal), RunnerSandbox.Defaults.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"(?ms)^  ([a-z-]+):\n(.*?)(?=^  [a-z-]+:|\z)")]
    private static partial Regex InputBlock();

    [GeneratedRegex(@"(?m)^    default: (.*)$")]
    private static partial Regex DefaultLine();
}
