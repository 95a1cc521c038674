using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>Writes batches of clicks: the rows and their counter increments in one transaction, then the counters' mirror.</summary>
internal sealed class ClickStore
{
    private readonly Database _database;
    private readonly CounterCache _counters;
    private readonly ClickTimeline _timeline;

    // The clicks of the batch being inserted that were new (only the writer's thread inserts, one batch at a time).
    private readonly List<ClickEvent> _inserted = new();

    public ClickStore(Database database, CounterCache counters, ClickTimeline timeline)
    {
        _database = database;
        _counters = counters;
        _timeline = timeline;
    }

    /// <summary>
    /// Inserts <paramref name="clicks"/>, skipping ids already stored (a journal replayed after a kill holds clicks the
    /// database may already have), and counts only what was inserted; the clicks added per link and variant.
    /// </summary>
    /// <exception cref="SqliteException">The database refused the transaction; nothing of it was written.</exception>
    public Dictionary<(string LinkId, string Label), long> Insert(List<ClickEvent> clicks)
    {
        _inserted.Clear();
        var added = _database.InTransaction(
            (connection, transaction) =>
            {
                var inserted = InsertRows(connection, transaction, clicks, _inserted);
                foreach (var ((linkId, label), count) in inserted)
                {
                    CounterCache.AddToTable(connection, transaction, linkId, label, count, 0);
                }

                return inserted;
            },
            _ => _timeline.Committed(_inserted));
        _inserted.Clear();

        foreach (var ((linkId, label), count) in added)
        {
            _counters.Add(linkId, label, count, 0);
        }

        return added;
    }

    private static Dictionary<(string LinkId, string Label), long> InsertRows(SqliteConnection connection, SqliteTransaction transaction, List<ClickEvent> batch, List<ClickEvent> inserted)
    {
        var added = new Dictionary<(string LinkId, string Label), long>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO clicks (id, link_id, variant_label, created_at, country, referrer, device) VALUES ($id, $l, $v, $t, $c, $r, $d)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var link = command.Parameters.Add("$l", SqliteType.Text);
        var variant = command.Parameters.Add("$v", SqliteType.Text);
        var time = command.Parameters.Add("$t", SqliteType.Integer);
        var country = command.Parameters.Add("$c", SqliteType.Text);
        var referrer = command.Parameters.Add("$r", SqliteType.Text);
        var device = command.Parameters.Add("$d", SqliteType.Text);
        command.Prepare();
        foreach (var click in batch)
        {
            id.Value = click.Id;
            link.Value = click.LinkId;
            variant.Value = click.VariantLabel;
            time.Value = click.CreatedAtMs;
            country.Value = (object?)click.Country ?? DBNull.Value;
            referrer.Value = (object?)click.Referrer ?? DBNull.Value;
            device.Value = (object?)click.Device ?? DBNull.Value;
            if (command.ExecuteNonQuery() > 0)
            {
                var key = (click.LinkId, click.VariantLabel);
                added[key] = added.GetValueOrDefault(key) + 1;
                inserted.Add(click);
            }
        }

        return added;
    }
}
