using System.Text.Json;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Webhooks;

/// <summary>The <c>webhooks</c> table.</summary>
internal static class WebhookRows
{
    public static IReadOnlyList<WebhookSubscription> LoadAll(Database database) => database.Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, workspace, url, secret, events, created_at FROM webhooks";
        using var reader = command.ExecuteReader();
        var all = new List<WebhookSubscription>();
        while (reader.Read())
        {
            all.Add(new WebhookSubscription(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? new List<string>(), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return (IReadOnlyList<WebhookSubscription>)all;
    });

    public static void Insert(Database database, WebhookSubscription subscription) => database.Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO webhooks (id, workspace, url, secret, events, created_at) VALUES ($id, $w, $u, $s, $e, $t)";
        command.Parameters.AddWithValue("$id", subscription.Id);
        command.Parameters.AddWithValue("$w", subscription.Workspace);
        command.Parameters.AddWithValue("$u", subscription.Url);
        command.Parameters.AddWithValue("$s", subscription.Secret);
        command.Parameters.AddWithValue("$e", JsonSerializer.Serialize(subscription.Events));
        command.Parameters.AddWithValue("$t", subscription.CreatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    });

    public static void Delete(Database database, string id) => database.Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM webhooks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    });
}
