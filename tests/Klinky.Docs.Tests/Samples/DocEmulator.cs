using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Docs.Tests.Samples;

/// <summary>
/// The emulator a page tells the reader to start (a block marked <c>sample: emulator</c>), started with the same
/// options on a free port. The page's URL (<c>http://127.0.0.1:5080</c>) is then replaced by the real one in its
/// samples, so that tests running side by side never fight over a port.
/// </summary>
internal sealed partial class DocEmulator : IAsyncDisposable
{
    private DocEmulator(EmulatorProcess process, string documentedRootUrl, string apiKey)
    {
        Process = process;
        DocumentedRootUrl = documentedRootUrl;
        ApiKey = apiKey;
    }

    public EmulatorProcess Process { get; }

    /// <summary>The URL the docs give, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public string DocumentedRootUrl { get; }

    public string ApiKey { get; }

    /// <summary>The block every page without its own start command refers to: docs/emulator.md, "Start it".</summary>
    public static DocSample Canonical => DocSamples.Read("docs/emulator.md").First(s => s.Directive == "emulator");

    public static async Task<DocEmulator> StartAsync(DocSample command)
    {
        // The command as a shell reads it: `export NAME=value` lines and `NAME=value` prefixes set the environment
        // (KLINKY_API_KEY is how the emulator takes a key without showing it in the process list), then `dotnet DLL options`.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        string[]? words = null;
        foreach (var line in command.Code.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lineWords = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
            var exported = lineWords[0] == "export";
            if (exported)
            {
                lineWords.RemoveAt(0);
            }

            while (lineWords.Count > 0 && Assignment().Match(lineWords[0]) is { Success: true } assignment)
            {
                environment[assignment.Groups[1].Value] = assignment.Groups[2].Value;
                lineWords.RemoveAt(0);
            }

            if (!exported && lineWords.Count > 0)
            {
                words = words is null ? lineWords.ToArray() : throw new InvalidOperationException($"{command}: one command starts the emulator");
            }
        }

        if (words is null || words.Length < 2 || words[0] != "dotnet" || !File.Exists(Path.Combine(RepositoryPaths.Root, words[1])))
        {
            throw new InvalidOperationException($"{command}: expected 'dotnet <path of the emulator DLL, from the repository root> ...', got: {command.Code}");
        }

        string? url = null;
        var keys = new List<string>();
        string plan = "unlimited", profile = "full";
        for (var i = 2; i < words.Length; i++)
        {
            switch (words[i])
            {
                case "--urls": url = words[++i]; break;
                case "--api-key": keys.Add(words[++i]); break;
                case "--plan": plan = words[++i]; break;
                case "--profile": profile = words[++i]; break;
                case "--in-memory": break;
                default: throw new InvalidOperationException($"{command}: the docs tests do not know the emulator option '{words[i]}'");
            }
        }

        if (keys.Count == 0 && environment.TryGetValue("KLINKY_API_KEY", out var fromEnvironment))
        {
            keys.Add(fromEnvironment);
        }

        if (url is null || keys.Count != 1)
        {
            throw new InvalidOperationException($"{command}: a sample's emulator names its --urls and one key (KLINKY_API_KEY or --api-key), so the samples after it can use them");
        }

        var process = await EmulatorProcess.StartAsync(new EmulatorOptions { ApiKeys = keys, Plan = plan, Profile = profile });
        return new DocEmulator(process, url.TrimEnd('/'), keys[0]);
    }

    /// <summary><paramref name="code"/> with the documented URL pointing at this emulator.</summary>
    public string Localize(string code) => code.Replace(DocumentedRootUrl, Process.RootUrl, StringComparison.Ordinal);

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$")]
    private static partial Regex Assignment();
}
