namespace Klinky.Emulator.CommandLine;

/// <summary>A command line the emulator cannot run; the message says what to change.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
