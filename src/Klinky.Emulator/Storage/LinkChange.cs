namespace Klinky.Emulator.Storage;

/// <summary>The outcome of <see cref="LinkStore.Change"/>: whether a live link was found, and the record as it now stands.</summary>
internal readonly record struct LinkChange(bool Found, LinkRecord? Link)
{
    public static LinkChange NotFound => new(false, null);
}
