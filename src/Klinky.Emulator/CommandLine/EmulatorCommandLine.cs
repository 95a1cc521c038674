using System.CommandLine;
using System.CommandLine.Invocation;
using Klinky.Emulator.Hosting;
using Klinky.Emulator.Seeding;
using Klinky.Emulator.Simulation;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.CommandLine;

/// <summary>
/// <c>klinky-emulator</c> (serve), <c>simulate</c> and the hidden <c>seed</c>, on System.CommandLine: help per command,
/// <c>--version</c> (the assembly's informational version), <c>--opt=value</c>. A command line the emulator cannot run exits 2
/// with one line per problem, and so does a database it cannot use.
/// </summary>
internal static class EmulatorCommandLine
{
    public const int UsageExitCode = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Create(output, error);
        var result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync("klinky-emulator: " + problem.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"Run 'klinky-emulator {(result.CommandResult.Command == root ? "" : result.CommandResult.Command.Name + " ")}--help' for usage.").ConfigureAwait(false);
            return UsageExitCode;
        }

        // The host handles SIGTERM and Ctrl+C itself (a clean shutdown); System.CommandLine's own handler would cut it short.
        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    private static RootCommand Create(TextWriter output, TextWriter error)
    {
        var serve = new ServeOptions();
        var root = new RootCommand("A local Klinky API: the same contract, real SQLite storage, real redirects. Serves until Ctrl+C or SIGTERM.");
        serve.AddTo(root);
        root.SetAction((result, _) => Guarded(error, "", () => ServeCommand.RunAsync(serve.Read(result), output, error)));

        var simulate = new SimulateOptions();
        var simulateCommand = simulate.CreateCommand();
        simulateCommand.SetAction((result, token) => Guarded(error, "simulate ", () => SimulateCommand.RunAsync(simulate.Read(result), output, token)));
        root.Subcommands.Add(simulateCommand);

        var seed = new SeedOptions();
        var seedCommand = seed.CreateCommand();
        seedCommand.SetAction((result, _) => Guarded(error, "seed ", () => Task.FromResult(SeedCommand.Run(seed.Read(result), output))));
        root.Subcommands.Add(seedCommand);
        return root;
    }

    private static async Task<int> Guarded(TextWriter error, string command, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync("klinky-emulator: " + ex.Message).ConfigureAwait(false);
            await error.WriteLineAsync($"Run 'klinky-emulator {command}--help' for usage.").ConfigureAwait(false);
            return UsageExitCode;
        }
        catch (DatabaseUnusableException ex)
        {
            await error.WriteLineAsync("klinky-emulator: " + ex.Message).ConfigureAwait(false);
            return UsageExitCode;
        }
    }
}
