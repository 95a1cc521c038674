using Klinky.Emulator.CommandLine;

return await EmulatorCommandLine.RunAsync(args, Console.Out, Console.Error);
