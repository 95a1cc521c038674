namespace Klinky.Emulator.Storage;

/// <summary>
/// Forgets a link's traffic (the dashboard's "reset"): its clicks, their conversions and its counters, in one transaction, after
/// the click writer has committed what it holds. The link itself, its variants and its winner stay.
/// </summary>
internal sealed class TrafficReset
{
    private readonly Database _database;
    private readonly ClickWriter _writer;
    private readonly CounterCache _counters;

    public TrafficReset(Database database, ClickWriter writer, CounterCache counters)
    {
        _database = database;
        _writer = writer;
        _counters = counters;
    }

    /// <summary>Removes the traffic; returns how many clicks were removed.</summary>
    public async Task<long> ResetAsync(string linkId, CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        var removed = _database.InTransaction((connection, transaction) =>
        {
            var counts = new List<(string Label, long Clicks, long Conversions)>();
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT variant_label, clicks, conversions FROM link_counters WHERE link_id = $l";
                read.Parameters.AddWithValue("$l", linkId);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    counts.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
                }
            }

            // Conversions first: they are found through the clicks. Their external ids go with them, so a replayed simulation
            // (same seed) counts again instead of being taken for duplicates of forgotten conversions.
            foreach (var sql in new[]
            {
                "DELETE FROM conversions WHERE click_id IN (SELECT id FROM clicks WHERE link_id = $l)",
                "DELETE FROM clicks WHERE link_id = $l",
                "DELETE FROM link_counters WHERE link_id = $l",
            })
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$l", linkId);
                command.ExecuteNonQuery();
            }

            return counts;
        });

        // The mirror loses exactly what the table held, so clicks committed meanwhile (added after this) stay counted.
        foreach (var (label, clicks, conversions) in removed)
        {
            _counters.Add(linkId, label, -clicks, -conversions);
        }

        return removed.Sum(r => r.Clicks);
    }
}
