using System.Collections.Concurrent;
using Klinky.Serialization;
using Klinky.Stats;

namespace Klinky.Emulator.Storage;

/// <summary>
/// Per link: Core's <see cref="VerdictMemory"/>, in the <c>verdict_memory</c> table with a mirror in memory, so a
/// verdict once reached stands across reads and restarts.
/// </summary>
internal sealed class VerdictMemoryStore
{
    private readonly ConcurrentDictionary<string, VerdictMemory> _memories = new(StringComparer.Ordinal);
    private readonly Database _database;

    public VerdictMemoryStore(Database database)
    {
        _database = database;
        database.Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT link_id, memory FROM verdict_memory";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (KlinkyJson.Deserialize<VerdictMemory>(reader.GetString(1)) is { } memory)
                {
                    _memories[reader.GetString(0)] = memory;
                }
            }
        });
    }

    public VerdictMemory? Get(string linkId) => _memories.TryGetValue(linkId, out var memory) ? memory : null;

    /// <summary>Keeps <paramref name="memory"/> when it differs from what is kept (most reads change nothing, and write nothing).</summary>
    public void Save(string linkId, VerdictMemory memory)
    {
        var json = KlinkyJson.Serialize(memory);
        if (_memories.TryGetValue(linkId, out var kept) && KlinkyJson.Serialize(kept) == json)
        {
            return;
        }

        // Kept in this process first: a stats read must still answer, with its verdict standing, when the disk is full
        // or the database read-only (the write routes say so); the row follows when the storage takes it again.
        _memories[linkId] = memory;
        try
        {
            _database.Run(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO verdict_memory (link_id, memory) VALUES ($l, $m) ON CONFLICT(link_id) DO UPDATE SET memory = excluded.memory";
                command.Parameters.AddWithValue("$l", linkId);
                command.Parameters.AddWithValue("$m", json);
                command.ExecuteNonQuery();
            });
        }
        catch (Exception ex) when (StorageFault.Of(ex) is not null)
        {
            // Nothing more to do: the next read that changes the memory writes it again.
        }
    }
}
