using System.Text.Json;
using Klinky.Links;
using Klinky.Serialization;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>Maps <see cref="LinkRecord"/> to and from rows of the <c>links</c> table.</summary>
internal static class LinkRows
{
    public const string Columns =
        "seq, id, workspace, slug, name, routing_type, is_active, variants, geo_rules, auto_winner, auto_winner_threshold, " +
        "enable_conversion_tracking, conversion_redirect_url, winner_label, created_at, updated_at, deleted_at";

    public static LinkRecord Read(SqliteDataReader row) => new()
    {
        Sequence = row.GetInt64(0),
        Id = row.GetString(1),
        Workspace = row.GetString(2),
        Slug = row.GetString(3),
        Name = row.GetString(4),
        RoutingType = row.GetString(5),
        IsActive = row.GetInt64(6) != 0,
        Variants = JsonSerializer.Deserialize<List<Variant>>(row.GetString(7), KlinkyJson.Options) ?? new List<Variant>(),
        GeoRules = row.IsDBNull(8) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(8), KlinkyJson.Options),
        AutoWinner = row.GetInt64(9) != 0,
        AutoWinnerThreshold = row.GetInt32(10),
        EnableConversionTracking = row.GetInt64(11) != 0,
        ConversionRedirectUrl = row.IsDBNull(12) ? null : row.GetString(12),
        WinnerLabel = row.IsDBNull(13) ? null : row.GetString(13),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(14)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(15)),
        DeletedAt = row.IsDBNull(16) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(16)),
    };

    public static void Bind(SqliteCommand command, LinkRecord link)
    {
        command.Parameters.AddWithValue("$id", link.Id);
        command.Parameters.AddWithValue("$workspace", link.Workspace);
        command.Parameters.AddWithValue("$slug", link.Slug);
        command.Parameters.AddWithValue("$name", link.Name);
        command.Parameters.AddWithValue("$routing_type", link.RoutingType);
        command.Parameters.AddWithValue("$is_active", link.IsActive ? 1 : 0);
        command.Parameters.AddWithValue("$variants", JsonSerializer.Serialize(link.Variants, KlinkyJson.Options));
        command.Parameters.AddWithValue("$geo_rules", link.GeoRules is null ? DBNull.Value : JsonSerializer.Serialize(link.GeoRules, KlinkyJson.Options));
        command.Parameters.AddWithValue("$auto_winner", link.AutoWinner ? 1 : 0);
        command.Parameters.AddWithValue("$auto_winner_threshold", link.AutoWinnerThreshold);
        command.Parameters.AddWithValue("$enable_conversion_tracking", link.EnableConversionTracking ? 1 : 0);
        command.Parameters.AddWithValue("$conversion_redirect_url", (object?)link.ConversionRedirectUrl ?? DBNull.Value);
        command.Parameters.AddWithValue("$winner_label", (object?)link.WinnerLabel ?? DBNull.Value);
        command.Parameters.AddWithValue("$created_at", link.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$updated_at", link.UpdatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$deleted_at", link.DeletedAt is { } deleted ? deleted.ToUnixTimeMilliseconds() : DBNull.Value);
    }
}
