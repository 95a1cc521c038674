using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// Conversions: deduplicated per workspace on <c>external_id</c>, attributed to the click's variant. A click converts once
/// (a second conversion of the same click is stored but does not count twice), and the counters move in the same transaction.
/// </summary>
internal sealed class ConversionStore
{
    private readonly Database _database;
    private readonly CounterCache _counters;
    private readonly ClickTimeline _timeline;

    public ConversionStore(Database database, CounterCache counters, ClickTimeline timeline)
    {
        _database = database;
        _counters = counters;
        _timeline = timeline;
    }

    public (string Id, bool Deduplicated) Record(string workspace, string clickId, string linkId, string variantLabel, string @event, double? value, string? externalId, DateTimeOffset at)
    {
        var outcome = _database.Run(connection =>
        {
            if (externalId is not null && FindExternal(connection, workspace, externalId) is { } existing)
            {
                return (existing, true, false);
            }

            using var transaction = connection.BeginTransaction();
            var id = Guid.NewGuid().ToString();
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO conversions (id, workspace, click_id, event, value, external_id, created_at) VALUES ($id, $w, $c, $e, $v, $x, $t)";
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$w", workspace);
                insert.Parameters.AddWithValue("$c", clickId);
                insert.Parameters.AddWithValue("$e", @event);
                insert.Parameters.AddWithValue("$v", (object?)value ?? DBNull.Value);
                insert.Parameters.AddWithValue("$x", (object?)externalId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$t", at.ToUnixTimeMilliseconds());
                insert.ExecuteNonQuery();
            }

            // The click's time comes back only when this is its first conversion: the chart's cell it belongs to.
            long? clickCreatedAt;
            using (var mark = connection.CreateCommand())
            {
                mark.Transaction = transaction;
                mark.CommandText = "UPDATE clicks SET converted = 1, converted_at = $t WHERE id = $c AND converted = 0 RETURNING created_at";
                mark.Parameters.AddWithValue("$c", clickId);
                mark.Parameters.AddWithValue("$t", at.ToUnixTimeMilliseconds());
                clickCreatedAt = mark.ExecuteScalar() is long created ? created : null;
            }

            if (clickCreatedAt is not null)
            {
                CounterCache.AddToTable(connection, transaction, linkId, variantLabel, 0, 1);
            }

            transaction.Commit();
            if (clickCreatedAt is { } clickTime)
            {
                _timeline.Converted(linkId, variantLabel, clickTime);
            }

            return (id, false, clickCreatedAt is not null);
        });

        if (outcome.Item3)
        {
            _counters.Add(linkId, variantLabel, 0, 1);
        }

        return (outcome.Item1, outcome.Item2);
    }

    private static string? FindExternal(SqliteConnection connection, string workspace, string externalId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM conversions WHERE workspace = $w AND external_id = $x";
        command.Parameters.AddWithValue("$w", workspace);
        command.Parameters.AddWithValue("$x", externalId);
        return command.ExecuteScalar() as string;
    }
}
