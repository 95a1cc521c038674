using Klinky.Action.Runner;

// Thin on purpose: arguments and process wiring here, everything else in ActionRunner.
if (args.Contains("--version"))
{
    Console.WriteLine("klinky-action " + ActionVersion.Current);
    return ExitCodes.Success;
}

var unknown = args.Where(a => a != "--dry-run").ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown argument '{unknown[0]}'. Usage: Klinky.Action [--dry-run] [--version]; inputs come from INPUT_* variables.");
    return ExitCodes.InvalidInput;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var environment = new ActionEnvironment
{
    Variables = ActionEnvironment.ProcessVariables(),
    WorkingDirectory = Directory.GetCurrentDirectory(),
    Out = Console.Out,
    Error = Console.Error,
    DryRun = args.Contains("--dry-run"),
};
return await new ActionRunner(environment).RunAsync(cancellation.Token);
