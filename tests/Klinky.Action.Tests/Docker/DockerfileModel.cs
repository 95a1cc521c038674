using System.Text.RegularExpressions;

namespace Klinky.Action.Tests.Docker;

/// <summary>The instructions of a Dockerfile, one per logical line (continuations joined), comments dropped.</summary>
public sealed partial class DockerfileModel
{
    private DockerfileModel(IReadOnlyList<(string Keyword, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>The instructions after the last FROM: what the published image is made of.</summary>
    public IEnumerable<(string Keyword, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((i, n) => (i, n)).Last(x => x.i.Keyword == "FROM").n);

    public static DockerfileModel Load(string path)
    {
        var logical = new List<string>();
        var current = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            logical.Add(current + line);
            current = "";
        }

        return new DockerfileModel(logical.Select(l => Instruction().Match(l)).Select(m => (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value.Trim())).ToList());
    }

    [GeneratedRegex(@"^(\w+)\s+(.*)$")]
    private static partial Regex Instruction();
}
