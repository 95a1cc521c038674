using Klinky.Emulator.Security;
using Klinky.Emulator.Storage;
using Klinky.Links;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Seeding;

/// <summary>
/// Writes a 50/50 link with N clicks straight into a database file (far faster than N redirects), with its counters,
/// so the stats benchmark can ask about a link of a million clicks.
/// </summary>
internal static class SeedCommand
{
    private const int BatchSize = 50_000;

    public static int Run(SeedSettings settings, TextWriter output)
    {
        using var database = new Database(settings.DatabasePath);
        var links = new LinkStore(database);
        var now = DateTimeOffset.UtcNow;
        var draft = new LinkRecord
        {
            Id = Guid.NewGuid().ToString(),
            Workspace = Convert.ToHexStringLower(ApiKeyRing.Hash(settings.ApiKey)),
            Sequence = 0,
            Slug = settings.Slug,
            Name = $"Seeded link with {settings.Clicks} clicks",
            Variants = new[] { new Variant("control", "https://example.com/a", 50), new Variant("variant_b", "https://example.com/b", 50) },
            CreatedAt = now,
            UpdatedAt = now,
        };
        var outcome = links.Create(draft, null, _ => "");
        if (outcome.Link is not { } link)
        {
            output.WriteLine($"seed: slug '{settings.Slug}' is already taken in {settings.DatabasePath}");
            return 1;
        }

        var random = new Random(7);
        var start = now.AddDays(-30).ToUnixTimeMilliseconds();
        var step = Math.Max(1, (now.ToUnixTimeMilliseconds() - start) / Math.Max(1, settings.Clicks));
        long[] clicks = { 0, 0 }, conversions = { 0, 0 };
        for (var written = 0; written < settings.Clicks;)
        {
            var count = Math.Min(BatchSize, settings.Clicks - written);
            database.InTransaction((connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO clicks (id, link_id, variant_label, created_at, device, converted, converted_at) VALUES ($id, $l, $v, $t, 'desktop', $c, $ct)";
                var id = command.Parameters.Add("$id", SqliteType.Text);
                command.Parameters.AddWithValue("$l", link.Id);
                var variant = command.Parameters.Add("$v", SqliteType.Text);
                var time = command.Parameters.Add("$t", SqliteType.Integer);
                var converted = command.Parameters.Add("$c", SqliteType.Integer);
                var convertedAt = command.Parameters.Add("$ct", SqliteType.Integer);
                command.Prepare();
                for (var i = 0; i < count; i++)
                {
                    var which = random.Next(2);
                    var didConvert = random.NextDouble() < (which == 0 ? 0.05 : 0.055);
                    var at = start + ((written + i) * step);
                    id.Value = Guid.NewGuid().ToString();
                    variant.Value = link.Variants[which].Label;
                    time.Value = at;
                    converted.Value = didConvert ? 1 : 0;
                    convertedAt.Value = didConvert ? at + 60_000 : DBNull.Value;
                    command.ExecuteNonQuery();
                    clicks[which]++;
                    conversions[which] += didConvert ? 1 : 0;
                }

                return 0;
            });
            written += count;
        }

        database.InTransaction((connection, transaction) =>
        {
            for (var i = 0; i < 2; i++)
            {
                CounterCache.AddToTable(connection, transaction, link.Id, link.Variants[i].Label, clicks[i], conversions[i]);
            }

            return 0;
        });
        output.WriteLine($"Seeded /{link.Slug} (id {link.Id}) with {settings.Clicks} clicks in {settings.DatabasePath}");
        return 0;
    }
}
