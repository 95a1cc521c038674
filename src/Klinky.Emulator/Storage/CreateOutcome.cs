namespace Klinky.Emulator.Storage;

/// <summary>What creating a link came to: created, a replay of an earlier answer, or a conflict.</summary>
internal sealed record CreateOutcome(CreateOutcomeKind Kind, LinkRecord? Link = null, int ReplayStatus = 0, string? ReplayBody = null);

internal enum CreateOutcomeKind
{
    Created,
    Replayed,
    IdempotencyKeyReused,
    SlugTaken,
}
