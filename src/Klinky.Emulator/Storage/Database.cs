using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// The one SQLite connection (WAL, synchronous=NORMAL: a committed transaction survives a killed process) and the lock that
/// serialises its use. One connection keeps <c>--in-memory</c> and file storage on the same code path.
/// </summary>
internal sealed class Database : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public Database(string? path)
    {
        if (path is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
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
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        Execute(path is null ? "PRAGMA journal_mode=MEMORY;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute("PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
        Schema.Migrate(this);
    }

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

    public void Execute(string sql) => Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    });

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
