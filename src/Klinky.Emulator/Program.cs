using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Hosting;
using Klinky.Emulator.Seeding;
using Klinky.Emulator.Simulation;

try
{
    return args.FirstOrDefault() switch
    {
        "simulate" => await SimulateCommand.RunAsync(SimulateArguments.Parse(args.Skip(1).ToList()), Console.Out, CancellationToken.None),
        "seed" => SeedCommand.Run(SeedArguments.Parse(args.Skip(1).ToList()), Console.Out),
        "--help" or "-h" or "help" => Help(),
        "--version" => Version(),
        _ => await ServeCommand.RunAsync(ServeArguments.Parse(args)),
    };
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync("klinky-emulator: " + ex.Message);
    await Console.Error.WriteLineAsync(ServeArguments.Usage);
    return 2;
}

// The release's version (MinVer's, from the git tag), as the build stamped it into the informational version.
static int Version()
{
    Console.WriteLine(System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(ServeArguments).Assembly)?.InformationalVersion);
    return 0;
}

static int Help()
{
    Console.WriteLine(ServeArguments.Usage);
    return 0;
}
