using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// Per link and variant: clicks and conversions, as committed. The <c>link_counters</c> table is updated in the same
/// transaction as the clicks; this mirror answers stats for a link of any size without scanning its clicks.
/// </summary>
internal sealed class CounterCache
{
    private readonly ConcurrentDictionary<(string LinkId, string Label), Counts> _counts = new();

    public CounterCache(Database database) => database.Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT link_id, variant_label, clicks, conversions FROM link_counters";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _counts[(reader.GetString(0), reader.GetString(1))] = new Counts { Clicks = reader.GetInt64(2), Conversions = reader.GetInt64(3) };
        }
    });

    public (long Clicks, long Conversions) Get(string linkId, string label) =>
        _counts.TryGetValue((linkId, label), out var counts) ? (Interlocked.Read(ref counts.Clicks), Interlocked.Read(ref counts.Conversions)) : (0, 0);

    /// <summary>The counts of <paramref name="link"/>'s variants in their order: clicks, conversions, clicks, conversions…</summary>
    public long[] Snapshot(LinkRecord link)
    {
        var counts = new long[link.Variants.Count * 2];
        for (var i = 0; i < link.Variants.Count; i++)
        {
            (counts[2 * i], counts[(2 * i) + 1]) = Get(link.Id, link.Variants[i].Label);
        }

        return counts;
    }

    /// <summary>Adds committed increments to the mirror (call after the transaction that wrote them to the table).</summary>
    public void Add(string linkId, string label, long clicks, long conversions)
    {
        var counts = _counts.GetOrAdd((linkId, label), _ => new Counts());
        Interlocked.Add(ref counts.Clicks, clicks);
        Interlocked.Add(ref counts.Conversions, conversions);
    }

    public static void AddToTable(SqliteConnection connection, SqliteTransaction transaction, string linkId, string label, long clicks, long conversions)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO link_counters (link_id, variant_label, clicks, conversions) VALUES ($l, $v, $c, $k) " +
            "ON CONFLICT(link_id, variant_label) DO UPDATE SET clicks = clicks + excluded.clicks, conversions = conversions + excluded.conversions";
        command.Parameters.AddWithValue("$l", linkId);
        command.Parameters.AddWithValue("$v", label);
        command.Parameters.AddWithValue("$c", clicks);
        command.Parameters.AddWithValue("$k", conversions);
        command.ExecuteNonQuery();
    }

    private sealed class Counts
    {
        public long Clicks;
        public long Conversions;
    }
}
