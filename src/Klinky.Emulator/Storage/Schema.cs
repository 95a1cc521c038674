using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>Creates and migrates the schema at start; <c>PRAGMA user_version</c> records how far a database has come.</summary>
internal static class Schema
{
    private static readonly string[] Migrations =
    {
        """
        CREATE TABLE links (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            workspace TEXT NOT NULL,
            slug TEXT NOT NULL,
            name TEXT NOT NULL,
            routing_type TEXT NOT NULL,
            is_active INTEGER NOT NULL,
            variants TEXT NOT NULL,
            geo_rules TEXT,
            auto_winner INTEGER NOT NULL,
            auto_winner_threshold INTEGER NOT NULL,
            enable_conversion_tracking INTEGER NOT NULL,
            conversion_redirect_url TEXT,
            winner_label TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER);
        CREATE UNIQUE INDEX links_live_slug ON links(slug) WHERE deleted_at IS NULL;
        CREATE TABLE clicks (
            id TEXT PRIMARY KEY,
            link_id TEXT NOT NULL,
            variant_label TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            country TEXT,
            referrer TEXT,
            device TEXT,
            converted INTEGER NOT NULL DEFAULT 0,
            converted_at INTEGER) WITHOUT ROWID;
        CREATE INDEX clicks_by_link_time ON clicks(link_id, created_at);
        CREATE TABLE link_counters (
            link_id TEXT NOT NULL,
            variant_label TEXT NOT NULL,
            clicks INTEGER NOT NULL DEFAULT 0,
            conversions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (link_id, variant_label)) WITHOUT ROWID;
        CREATE TABLE conversions (
            id TEXT PRIMARY KEY,
            workspace TEXT NOT NULL,
            click_id TEXT NOT NULL,
            event TEXT NOT NULL,
            value REAL,
            external_id TEXT,
            created_at INTEGER NOT NULL);
        CREATE UNIQUE INDEX conversions_external ON conversions(workspace, external_id) WHERE external_id IS NOT NULL;
        CREATE TABLE idempotency (
            workspace TEXT NOT NULL,
            key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            status INTEGER NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (workspace, key));
        CREATE TABLE webhooks (
            id TEXT PRIMARY KEY,
            workspace TEXT NOT NULL,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            events TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        """,

        // Covering index: a date-ranged count per variant reads only the index, never the click rows.
        """
        DROP INDEX clicks_by_link_time;
        CREATE INDEX clicks_by_link_time ON clicks(link_id, created_at, variant_label, converted);
        """,

        // Secrets the emulator keeps across restarts (the visit-session signing key), in the database they protect.
        """
        CREATE TABLE emulator_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
        """,

        // Each link's verdict memory (Core's VerdictMemory as JSON): the verdict, once reached, stands across reads and restarts.
        """
        CREATE TABLE verdict_memory (link_id TEXT PRIMARY KEY, memory TEXT NOT NULL) WITHOUT ROWID;
        """,
    };

    public static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        for (var next = version; next < Migrations.Length; next++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Migrations[next] + $"\nPRAGMA user_version = {next + 1};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
