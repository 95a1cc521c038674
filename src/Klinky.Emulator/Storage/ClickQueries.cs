using Klinky.Clicks;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// Reads of clicks: the export pages, date-ranged counts (served by the (link_id, created_at) index) and single clicks. Each
/// read first flushes the <see cref="ClickWriter"/>, so it sees every click whose redirect was answered before it, including
/// those still queued a moment ago: a caller reads its own traffic without the endpoint having to remember to flush.
/// </summary>
internal sealed class ClickQueries
{
    private readonly Database _database;
    private readonly ClickWriter _writer;

    public ClickQueries(Database database, ClickWriter writer)
    {
        _database = database;
        _writer = writer;
    }

    public async Task<(IReadOnlyList<Click> Items, int Total)> PageAsync(string linkId, DateRange range, int page, int perPage, CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Page(linkId, range, page, perPage);
    }

    /// <summary>Clicks and converted clicks per variant label within <paramref name="range"/>.</summary>
    public async Task<IReadOnlyDictionary<string, (long Clicks, long Conversions)>> CountByVariantAsync(string linkId, DateRange range, CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return CountByVariant(linkId, range);
    }

    /// <summary>The link, variant and conversion state of one click, or null when no answered redirect gave that id.</summary>
    public async Task<(string LinkId, string VariantLabel, bool Converted)?> FindAsync(string clickId, CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Find(clickId);
    }

    private (IReadOnlyList<Click> Items, int Total) Page(string linkId, DateRange range, int page, int perPage) => _database.Run(connection =>
    {
        var (where, bind) = Filter(linkId, range);
        int total;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM clicks WHERE " + where;
            bind(count);
            total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var items = new List<Click>();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, created_at, variant_label, country, referrer, device, converted, converted_at FROM clicks WHERE " + where +
            " ORDER BY created_at, id LIMIT $limit OFFSET $offset";
        bind(command);
        command.Parameters.AddWithValue("$limit", perPage);
        command.Parameters.AddWithValue("$offset", (long)(page - 1) * perPage);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            items.Add(KlinkyModelFactory.Click(
                id: reader.GetString(0),
                createdAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                variantLabel: reader.GetString(2),
                country: reader.IsDBNull(3) ? null : reader.GetString(3),
                referrer: reader.IsDBNull(4) ? null : reader.GetString(4),
                device: reader.IsDBNull(5) ? null : reader.GetString(5),
                converted: reader.GetInt64(6) != 0,
                convertedAt: reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return ((IReadOnlyList<Click>)items, total);
    });

    private IReadOnlyDictionary<string, (long Clicks, long Conversions)> CountByVariant(string linkId, DateRange range) => _database.Run(connection =>
    {
        var (where, bind) = Filter(linkId, range);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT variant_label, COUNT(*), SUM(converted) FROM clicks WHERE " + where + " GROUP BY variant_label";
        bind(command);
        var counts = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetInt64(2));
        }

        return (IReadOnlyDictionary<string, (long, long)>)counts;
    });

    private (string LinkId, string VariantLabel, bool Converted)? Find(string clickId) => _database.Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT link_id, variant_label, converted FROM clicks WHERE id = $id";
        command.Parameters.AddWithValue("$id", clickId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0) : ((string, string, bool)?)null;
    });

    private static (string Where, Action<SqliteCommand> Bind) Filter(string linkId, DateRange range)
    {
        var where = "link_id = $link";
        if (range.Start is not null)
        {
            where += " AND created_at >= $start";
        }

        if (range.End is not null)
        {
            where += " AND created_at <= $end";
        }

        return (where, command =>
        {
            command.Parameters.AddWithValue("$link", linkId);
            if (range.Start is { } start)
            {
                command.Parameters.AddWithValue("$start", start.ToUnixTimeMilliseconds());
            }

            if (range.End is { } end)
            {
                command.Parameters.AddWithValue("$end", end.ToUnixTimeMilliseconds());
            }
        });
    }
}
