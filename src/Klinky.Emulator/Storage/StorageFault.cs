using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// A write the database refused because of the disk, not because of the request: the disk is full, or the database (or its
/// folder) is read-only. SQLite rolls the whole transaction back in both cases, so nothing is half-written; the answer says
/// what happened in the user's terms (never an exception type) so they know the request itself was fine and can be retried.
/// </summary>
internal sealed record StorageFault(int Status, string Detail)
{
    // SQLite's primary result codes (https://www.sqlite.org/rescode.html); the extended codes keep them in the low byte.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    // ENOSPC: the click journal (a plain file) on a full disk.
    private const int NoSpaceLeft = 28;

    private static readonly StorageFault Full = new(
        StatusCodes.Status507InsufficientStorage,
        "The emulator's storage is full: nothing was written. Free space on the disk that holds its database, then retry.");

    private static readonly StorageFault ReadOnly = new(
        StatusCodes.Status503ServiceUnavailable,
        "The emulator's database cannot be written (it or its folder is read-only): nothing was written. Make it writable, then retry.");

    private static readonly StorageFault Unwritable = new(
        StatusCodes.Status503ServiceUnavailable,
        "The emulator's database could not be written (a disk error): nothing was written. Check the disk that holds it, then retry.");

    /// <summary>The fault <paramref name="exception"/> (or one it wraps) stands for; null when it is not a storage fault.</summary>
    public static StorageFault? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    switch (sqlite.SqliteErrorCode & 0xFF)
                    {
                        case SqliteFull: return Full;
                        case SqliteReadOnly: return ReadOnly;
                        case SqliteIoError:
                        case SqliteCantOpen: return Unwritable;
                    }

                    break;
                case IOException io when (io.HResult & 0xFFFF) == NoSpaceLeft:
                    return Full;
            }
        }

        return null;
    }
}
