namespace Klinky.Emulator.Simulation;

/// <summary>
/// What happened to one simulated visitor: the variant it was sent to, whether its conversion was counted or taken for a
/// duplicate of an earlier one (same <c>external_id</c>), and whether any answer was not the one expected.
/// </summary>
internal sealed record VisitorOutcome(string? VariantLabel, bool Converted, bool Failed, bool Deduplicated = false);
