using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Klinky.Emulator.Storage;

/// <summary>
/// The clicks' write-ahead log beside the database (<c>DB-clicks0</c> and <c>DB-clicks1</c>): a redirect appends its click
/// here, one <c>pwrite</c> of one line, before its 302 leaves, so a click that was answered survives a killed process (the
/// write is in the kernel's page cache, as a WAL commit with <c>synchronous=NORMAL</c> is) even though its database commit
/// comes a few milliseconds later in a batch. What the database has committed is dropped: the active file is emptied once
/// the writer has caught up, and under unbroken load it is sealed at 4 MB and the other file takes the appends until the
/// sealed one is committed. At start, whatever either file still holds is stored again (duplicates are ignored by click id).
/// Opened with <see cref="FileShare.None"/>: a second emulator on the same database is refused at start.
/// </summary>
internal sealed class ClickJournal : IDisposable
{
    private const long SealAt = 4 * 1024 * 1024;
    private readonly Lock _gate = new();
    private readonly string[] _paths;
    private readonly SafeFileHandle[] _files;
    private readonly long[] _lengths;
    private int _active;
    private long _lastSequence;
    private long _sealedThrough = -1;

    private ClickJournal(string[] paths, SafeFileHandle[] files)
    {
        _paths = paths;
        _files = files;
        _lengths = files.Select(RandomAccess.GetLength).ToArray();
    }

    /// <summary>The active file's path (the one named in errors).</summary>
    public string ActivePath => _paths[_active];

    /// <summary>The journal of the database at <paramref name="databasePath"/>, with whatever a previous run left in it.</summary>
    /// <exception cref="IOException">A file cannot be opened or created for writing, or another process holds it.</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be written.</exception>
    public static ClickJournal Open(string databasePath)
    {
        var paths = new[] { databasePath + "-clicks0", databasePath + "-clicks1" };
        var files = new List<SafeFileHandle>();
        try
        {
            foreach (var path in paths)
            {
                files.Add(File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }

            return new ClickJournal(paths, files.ToArray());
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Appends <paramref name="click"/> and gives it the next sequence number. The caller queues it for the database under a
    /// lock of its own held around this call, so that the queue's order is the journal's and <see cref="Committed"/> can
    /// tell which records the database holds.
    /// </summary>
    /// <exception cref="IOException">The line could not be written (a full disk, a file that stopped taking writes).</exception>
    public void Append(ClickEvent click)
    {
        var line = Encoding.UTF8.GetBytes(Format(click));
        lock (_gate)
        {
            RandomAccess.Write(_files[_active], line, _lengths[_active]);
            _lengths[_active] += line.Length;
            click.JournalSequence = ++_lastSequence;
        }
    }

    /// <summary>Every record the database has committed (sequence up to <paramref name="throughSequence"/>) may go.</summary>
    public void Committed(long throughSequence)
    {
        lock (_gate)
        {
            var sealedFile = 1 - _active;
            if (_sealedThrough >= 0 && throughSequence >= _sealedThrough && TryEmpty(sealedFile))
            {
                _sealedThrough = -1;
            }

            if (throughSequence >= _lastSequence)
            {
                TryEmpty(_active);
            }
            else if (_lengths[_active] >= SealAt && _sealedThrough < 0 && _lengths[sealedFile] == 0)
            {
                _sealedThrough = _lastSequence;
                _active = sealedFile;
            }
        }
    }

    /// <summary>The clicks both files hold, and how many damaged lines were skipped (a torn last line after a crash).</summary>
    public (List<ClickEvent> Clicks, int Damaged) ReadAll()
    {
        var clicks = new List<ClickEvent>();
        var damaged = 0;
        lock (_gate)
        {
            for (var i = 0; i < _files.Length; i++)
            {
                var bytes = new byte[_lengths[i]];
                var read = RandomAccess.Read(_files[i], bytes, 0);
                var text = Encoding.UTF8.GetString(bytes, 0, read);
                var lines = text.Split('\n');

                // The part after the last newline is a line whose write never finished: its redirect was never answered.
                damaged += lines[^1].Length > 0 ? 1 : 0;
                foreach (var line in lines.AsSpan(0, lines.Length - 1))
                {
                    if (Parse(line) is { } click)
                    {
                        clicks.Add(click);
                    }
                    else
                    {
                        damaged++;
                    }
                }
            }
        }

        return (clicks, damaged);
    }

    /// <summary>Empties both files (after their clicks are stored at start).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            TryEmpty(0);
            TryEmpty(1);
            _active = 0;
            _sealedThrough = -1;
        }
    }

    // A file that cannot be emptied keeps its records and is appended to where it ends: replaying a record twice stores it
    // once (the click id is the key), so a failed truncate costs disk space, never a click.
    private bool TryEmpty(int file)
    {
        if (_lengths[file] == 0)
        {
            return true;
        }

        try
        {
            RandomAccess.SetLength(_files[file], 0);
            _lengths[file] = 0;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    // One line per click, tab-separated: id, link id, variant, unix ms, country, device, referrer. Only the referrer is free
    // text (a header value may hold a tab), so it goes last and is escaped.
    internal static string Format(ClickEvent click) => string.Create(CultureInfo.InvariantCulture,
        $"{click.Id}\t{click.LinkId}\t{click.VariantLabel}\t{click.CreatedAtMs}\t{click.Country}\t{click.Device}\t{Escape(click.Referrer)}\n");

    internal static ClickEvent? Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 7 || fields[0].Length == 0 || fields[1].Length == 0 || fields[2].Length == 0
            || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var createdAt)
            || Unescape(fields[6]) is not { } referrer)
        {
            return null;
        }

        return new ClickEvent
        {
            Id = fields[0],
            LinkId = fields[1],
            VariantLabel = fields[2],
            CreatedAtMs = createdAt,
            Country = fields[4].Length == 0 ? null : fields[4],
            Device = fields[5].Length == 0 ? null : fields[5],
            Referrer = referrer.Length == 0 ? null : referrer,
        };
    }

    private static string Escape(string? text) =>
        text is null || text.AsSpan().IndexOfAny("\\\t\r\n") < 0
            ? text ?? ""
            : text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
                .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string? Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            if (++i == text.Length)
            {
                return null;
            }

            result.Append(text[i] switch { 't' => '\t', 'r' => '\r', 'n' => '\n', _ => text[i] });
        }

        return result.ToString();
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}
