namespace Klinky.Emulator.Storage;

/// <summary>The database path cannot hold the emulator's data; the message names the path and the reason, in one line.</summary>
internal sealed class DatabaseUnusableException : Exception
{
    public DatabaseUnusableException(string path, string reason)
        : base($"cannot use database '{path}': {reason}")
    {
    }

    public DatabaseUnusableException()
    {
    }

    public DatabaseUnusableException(string message)
        : base(message)
    {
    }

    public DatabaseUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
