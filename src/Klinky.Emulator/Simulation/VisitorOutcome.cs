namespace Klinky.Emulator.Simulation;

/// <summary>What happened to one simulated visitor.</summary>
internal sealed record VisitorOutcome(string? VariantLabel, bool Converted, bool Failed);
