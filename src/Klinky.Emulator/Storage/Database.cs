using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// The one SQLite connection (WAL, synchronous=NORMAL: a committed transaction survives a killed process) and the lock that
/// serialises its use (the click journal beside a file belongs to the <see cref="ClickWriter"/>). One connection keeps
/// <c>--in-memory</c> and file storage on the same code path.
/// </summary>
internal sealed class Database : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    /// <exception cref="DatabaseUnusableException">The path cannot be opened, is not an SQLite database, or cannot be written.</exception>
    public Database(string? path)
    {
        Path = path;
        try
        {
            _connection = Open(path);
        }
        catch (Exception ex) when (path is not null && ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnusableException(path, Reason(path, ex));
        }
    }

    /// <summary>The SQLite file, or null in memory.</summary>
    public string? Path { get; }

    private static SqliteConnection Open(string? path)
    {
        if (path is not null)
        {
            if (Directory.Exists(path))
            {
                throw new IOException("it is a directory; give a file path such as " + System.IO.Path.Combine(path, "emulator.db"));
            }

            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, path is null ? "PRAGMA journal_mode=MEMORY;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute(connection, "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");

            // SQLite opens a file it may not write read-only without a word: one write now, so a read-only database stops the
            // start instead of every click failing later.
            var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
            Execute(connection, $"PRAGMA user_version = {version};");
            Schema.Migrate(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string Reason(string path, Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 26 } => "it is not an SQLite database (SQLite: file is not a database)",
        SqliteException { SqliteErrorCode: 8 } => "it cannot be written (SQLite: attempt to write a readonly database); the emulator must store its clicks",
        SqliteException { SqliteErrorCode: 14 } => $"it cannot be opened or created (SQLite: unable to open database file); check that {System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))} is a writable folder",
        SqliteException sqlite => "SQLite: " + sqlite.Message.Replace("SQLite Error ", "error ", StringComparison.Ordinal),
        _ => ex.Message,
    };

    public T Run<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            return work(_connection);
        }
    }

    public void Run(Action<SqliteConnection> work)
    {
        lock (_gate)
        {
            work(_connection);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is committed, or none.</summary>
    public T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var result = work(_connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, then <paramref name="committed"/> with its result once it is committed,
    /// still under the lock: a mirror of the tables kept by <paramref name="committed"/> sees each commit exactly once, and in
    /// order with every other use of the connection.
    /// </summary>
    public T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work, Action<T> committed)
    {
        lock (_gate)
        {
            T result;
            using (var transaction = _connection.BeginTransaction())
            {
                result = work(_connection, transaction);
                transaction.Commit();
            }

            committed(result);
            return result;
        }
    }

    public void Execute(string sql) => Run(connection => Execute(connection, sql));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
