namespace Klinky.Emulator.Simulation;

/// <summary>What <c>klinky-emulator simulate</c> was asked to play.</summary>
internal sealed record SimulateSettings(Uri RootUrl, string ApiKey, string Slug, int Visitors, IReadOnlyDictionary<string, double> ConversionRates, int Seed, bool IgnoreBudget = false);
