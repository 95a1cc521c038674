using Microsoft.Extensions.Logging;

namespace Klinky.Emulator.Tests.Support;

/// <summary>A logger that keeps what it is told, for tests that pin what the emulator says in its log.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_entries)
            {
                return _entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
