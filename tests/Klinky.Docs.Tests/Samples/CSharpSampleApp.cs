using Klinky.Testing;

namespace Klinky.Docs.Tests.Samples;

/// <summary>
/// What a C# user does before pasting a sample: runs the README's "Install from this repository" box (after the build
/// these tests run in), creates a console app and adds Klinky.Core from that source, in a new user's HOME; and a
/// running emulator as docs/emulator.md starts it. Shared by the C# samples, which replace Program.cs in turn.
/// </summary>
public sealed class CSharpSampleApp : IAsyncLifetime
{
    private readonly SampleHome _home = new();
    private DocEmulator? _emulator;

    internal string AppFolder => Path.Combine(_home.Root, "KlinkyDemo");

    internal DocEmulator Emulator => _emulator ?? throw new InvalidOperationException("not started");

    internal SampleHome Home => _home;

    /// <summary>Why the setup failed, shown by each test instead of a bare fixture exception.</summary>
    internal string? SetupFailure { get; private set; }

    public async Task InitializeAsync()
    {
        var install = DocSamples.Read("README.md").Single(s => s.Directive == "install");
        var script = string.Join("\n", install.Code.Split('\n').Where(l => !l.TrimStart().StartsWith("./build.sh", StringComparison.Ordinal)));
        var steps = new (string What, Func<Task<CommandResult>> Run)[]
        {
            ($"{install} from the repository root", () => _home.BashAsync(script, RepositoryPaths.Root)),
            ("klinky-emulator --help, the tool the box installed", () => _home.BashAsync("klinky-emulator --help", _home.Root)),
            ("dotnet new console -o KlinkyDemo", () => _home.DotnetAsync(_home.Root, "new", "console", "-o", "KlinkyDemo")),
            ("dotnet add package Klinky.Core --prerelease", () => _home.DotnetAsync(AppFolder, "add", "package", "Klinky.Core", "--prerelease")),
        };
        foreach (var (what, run) in steps)
        {
            var result = await run();
            if (result.ExitCode != 0)
            {
                SetupFailure = $"{what} failed: {result}";
                return;
            }
        }

        _emulator = await DocEmulator.StartAsync(DocEmulator.Canonical);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _home.Dispose();
    }
}
