using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>The stored first answers of <c>Idempotency-Key</c> requests, per workspace.</summary>
internal static class IdempotencyRows
{
    public sealed record Entry(string RequestHash, int Status, string Body);

    public static Entry? Find(SqliteConnection connection, string workspace, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT request_hash, status, body FROM idempotency WHERE workspace=$w AND key=$k";
        command.Parameters.AddWithValue("$w", workspace);
        command.Parameters.AddWithValue("$k", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new Entry(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)) : null;
    }

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, string workspace, IdempotencyClaim claim, int status, string body, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO idempotency (workspace, key, request_hash, status, body, created_at) VALUES ($w, $k, $h, $s, $b, $t)";
        command.Parameters.AddWithValue("$w", workspace);
        command.Parameters.AddWithValue("$k", claim.Key);
        command.Parameters.AddWithValue("$h", claim.RequestHash);
        command.Parameters.AddWithValue("$s", status);
        command.Parameters.AddWithValue("$b", body);
        command.Parameters.AddWithValue("$t", at.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }
}
