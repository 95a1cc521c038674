namespace Klinky.Emulator.Storage;

/// <summary>
/// A link's committed clicks in equal time buckets (per bucket and variant: clicks and how many of them converted), for the
/// dashboard's cumulative chart. One grouped scan of the <c>(link_id, created_at, variant_label, converted)</c> index, so a
/// link's size costs the database, never the page, a row each.
/// </summary>
internal sealed class ClickTimeline
{
    private readonly Database _database;

    public ClickTimeline(Database database) => _database = database;

    /// <summary>Up to <paramref name="buckets"/> buckets, oldest first; empty when the link has no clicks.</summary>
    public IReadOnlyList<TimelineBucket> Read(string linkId, int buckets) => _database.Run(connection =>
    {
        long first, last;
        using (var range = connection.CreateCommand())
        {
            range.CommandText = "SELECT MIN(created_at), MAX(created_at) FROM clicks WHERE link_id = $l";
            range.Parameters.AddWithValue("$l", linkId);
            using var reader = range.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0))
            {
                return (IReadOnlyList<TimelineBucket>)Array.Empty<TimelineBucket>();
            }

            (first, last) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var width = Math.Max(1, ((last - first) / buckets) + 1);
        var rows = new List<TimelineBucket>();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (created_at - $first) / $width AS bucket, variant_label, COUNT(*), SUM(converted) FROM clicks WHERE link_id = $l " +
            "GROUP BY bucket, variant_label ORDER BY bucket";
        command.Parameters.AddWithValue("$l", linkId);
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$width", width);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var end = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(last, first + ((reader.GetInt64(0) + 1) * width) - 1));
                rows.Add(new TimelineBucket(end, reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3)));
            }
        }

        return rows;
    });
}
