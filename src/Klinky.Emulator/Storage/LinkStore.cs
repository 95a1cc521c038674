using System.Collections.Concurrent;
using System.Security.Cryptography;
using Klinky.Emulator.Security;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Storage;

/// <summary>
/// Links, in SQLite and mirrored in memory: the redirect path finds a link by slug without a database round trip,
/// and every write reaches the database (committed) before the mirror and the caller see it.
/// </summary>
internal sealed class LinkStore
{
    public const string ReservedSlug = "api";

    /// <summary>The emulator's health route, outside the API (no key): the slug cannot be a link's.</summary>
    public const string HealthSlug = "healthz";

    /// <summary>The dashboard's path segment (<c>/_klinky/</c>): the slug cannot be a link's either.</summary>
    public const string DashboardSlug = "_klinky";
    private const string SlugAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private readonly Database _database;
    private readonly ConcurrentDictionary<string, LinkRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LinkRecord> _liveBySlug = new(StringComparer.Ordinal);

    public LinkStore(Database database)
    {
        _database = database;
        database.Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {LinkRows.Columns} FROM links ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Remember(LinkRows.Read(reader));
            }
        });
    }

    public bool TryGetLiveBySlug(string slug, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LinkRecord? link) =>
        _liveBySlug.TryGetValue(slug, out link);

    /// <summary>A live link of this workspace; another workspace's link is as missing as a deleted one.</summary>
    public LinkRecord? Get(Workspace workspace, string id) =>
        _byId.TryGetValue(id, out var link) && !link.IsDeleted && link.Workspace == workspace.Id ? link : null;

    public LinkRecord? GetAny(string id) => _byId.TryGetValue(id, out var link) ? link : null;

    public IReadOnlyList<LinkRecord> List(Workspace workspace) =>
        _byId.Values.Where(l => l.Workspace == workspace.Id && !l.IsDeleted).OrderBy(l => l.Sequence).ToList();

    public IEnumerable<LinkRecord> All => _byId.Values;

    public CreateOutcome Create(LinkRecord draft, IdempotencyClaim? claim, Func<LinkRecord, string> renderBody) => _database.Run(connection =>
    {
        if (claim is not null && IdempotencyRows.Find(connection, draft.Workspace, claim.Key) is { } earlier)
        {
            return earlier.RequestHash == claim.RequestHash
                ? new CreateOutcome(CreateOutcomeKind.Replayed, ReplayStatus: earlier.Status, ReplayBody: earlier.Body)
                : new CreateOutcome(CreateOutcomeKind.IdempotencyKeyReused);
        }

        var slug = draft.Slug.Length > 0 ? draft.Slug : NewSlug();
        if (IsTaken(slug))
        {
            return new CreateOutcome(CreateOutcomeKind.SlugTaken);
        }

        using var transaction = connection.BeginTransaction();
        long sequence;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                $"INSERT INTO links ({LinkRows.Columns[5..]}) VALUES ($id, $workspace, $slug, $name, $routing_type, $is_active, $variants, $geo_rules, " +
                "$auto_winner, $auto_winner_threshold, $enable_conversion_tracking, $conversion_redirect_url, $winner_label, $created_at, $updated_at, $deleted_at) RETURNING seq";
            LinkRows.Bind(command, draft with { Slug = slug });
            sequence = (long)command.ExecuteScalar()!;
        }

        var link = draft with { Slug = slug, Sequence = sequence };
        if (claim is not null)
        {
            IdempotencyRows.Insert(connection, transaction, link.Workspace, claim, StatusCodes.Status201Created, renderBody(link), link.CreatedAt);
        }

        transaction.Commit();
        Remember(link);
        return new CreateOutcome(CreateOutcomeKind.Created, link);
    });

    /// <summary>
    /// Reads the live link and writes <paramref name="change"/>'s result in one step under the database's lock, so an update
    /// always starts from the latest record: two partial updates both land, and a deleted link stays deleted. Returns
    /// <see cref="LinkChange.NotFound"/> when there is no live link, or the record unchanged when <paramref name="change"/>
    /// returns null (it refused, e.g. on validation errors).
    /// </summary>
    public LinkChange Change(Workspace workspace, string id, Func<LinkRecord, LinkRecord?> change) => _database.Run(connection =>
    {
        if (Get(workspace, id) is not { } current)
        {
            return LinkChange.NotFound;
        }

        return change(current) is { } next ? new LinkChange(true, Write(connection, next)) : new LinkChange(true, current);
    });

    /// <summary>
    /// <see cref="Change"/> for a link known by id alone (the auto-winner works across workspaces): reads the live record and
    /// writes <paramref name="change"/>'s result in one step under the database's lock, so it never overwrites an update
    /// that landed meanwhile nor brings a deleted link back. Null when the link is gone or <paramref name="change"/> refused.
    /// </summary>
    public LinkRecord? ChangeLive(string id, Func<LinkRecord, LinkRecord?> change) => _database.Run(connection =>
        _byId.TryGetValue(id, out var current) && !current.IsDeleted && change(current) is { } next ? Write(connection, next) : null);

    private LinkRecord Write(SqliteConnection connection, LinkRecord link)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE links SET workspace=$workspace, slug=$slug, name=$name, routing_type=$routing_type, is_active=$is_active, variants=$variants, " +
            "geo_rules=$geo_rules, auto_winner=$auto_winner, auto_winner_threshold=$auto_winner_threshold, " +
            "enable_conversion_tracking=$enable_conversion_tracking, conversion_redirect_url=$conversion_redirect_url, " +
            "winner_label=$winner_label, created_at=$created_at, updated_at=$updated_at, deleted_at=$deleted_at WHERE id=$id";
        LinkRows.Bind(command, link);
        command.ExecuteNonQuery();
        Remember(link);
        return link;
    }

    public bool IsTaken(string slug) => IsReserved(slug) || _liveBySlug.ContainsKey(slug);

    public static bool IsReserved(ReadOnlySpan<char> slug) =>
        slug.Equals(ReservedSlug, StringComparison.OrdinalIgnoreCase) || slug.Equals(HealthSlug, StringComparison.OrdinalIgnoreCase)
        || slug.Equals(DashboardSlug, StringComparison.OrdinalIgnoreCase);

    private void Remember(LinkRecord link)
    {
        if (_byId.TryGetValue(link.Id, out var previous))
        {
            _liveBySlug.TryRemove(new KeyValuePair<string, LinkRecord>(previous.Slug, previous));
        }

        _byId[link.Id] = link;
        if (!link.IsDeleted)
        {
            _liveBySlug[link.Slug] = link;
        }

    }

    private string NewSlug()
    {
        while (true)
        {
            var slug = RandomNumberGenerator.GetString(SlugAlphabet, 7);
            if (!IsTaken(slug))
            {
                return slug;
            }
        }
    }
}
