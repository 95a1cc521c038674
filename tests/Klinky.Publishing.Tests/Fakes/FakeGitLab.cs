using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Klinky.Publishing.Tests.Fakes;

/// <summary>
/// A loopback fake of the slice of GitLab's REST API v4 the publisher uses: <c>GET /user</c>, a merge request's notes
/// (listed in pages with <c>X-Next-Page</c>, created, edited, deleted) and commit statuses. <c>CI_JOB_TOKEN</c> is
/// answered as GitLab does for notes: 401 with a <c>JOB-TOKEN</c> header it does not accept as <c>PRIVATE-TOKEN</c>.
/// Shapes from tests/fixtures/gitlab (sources in its NOTICE.md).
/// </summary>
public sealed class FakeGitLab : FakeServer
{
    public const string ProjectId = "42";
    private readonly List<JsonObject> _notes = new();
    private long _nextNote = 300;

    private FakeGitLab()
    {
    }

    /// <summary>Notes per page; small, so tests cross pages.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>As <c>CI_API_V4_URL</c> gives it.</summary>
    public string ApiUrl => Root + "/api/v4";

    public static async Task<FakeGitLab> StartAsync()
    {
        var fake = new FakeGitLab();
        await fake.StartAsync(app =>
        {
            var api = app.MapGroup("/api/v4");
            api.MapGet("/user", (HttpContext c) => fake.User(c));
            var notes = api.MapGroup("/projects/{project}/merge_requests/{iid:int}/notes");
            notes.MapGet("", (HttpContext c, int iid) => fake.List(c, iid));
            notes.MapPost("", (HttpContext c, int iid) => fake.CreateAsync(c, iid));
            notes.MapPut("/{note:long}", (HttpContext c, long note) => fake.UpdateAsync(c, note));
            notes.MapDelete("/{note:long}", (HttpContext c, long note) => fake.Delete(c, note));
            api.MapPost("/projects/{project}/statuses/{sha}", (HttpContext c, string sha) => fake.StatusAsync(c, sha));
        });
        return fake;
    }

    /// <summary>Seeds a note, as a person or an earlier run would have left it.</summary>
    public JsonObject AddNote(int iid, string authorId, string body, bool system = false)
    {
        lock (_notes)
        {
            var note = NewNote(iid, authorId, body);
            note["system"] = system;
            _notes.Add(note);
            return note;
        }
    }

    public IReadOnlyList<JsonObject> NotesOf(int iid)
    {
        lock (_notes)
        {
            return _notes.Where(n => n["noteable_iid"]!.GetValue<int>() == iid).Select(n => n.DeepClone().AsObject()).ToList();
        }
    }

    private FakeIdentity? Caller(HttpContext context) =>
        IdentityOf(context.Request.Headers["PRIVATE-TOKEN"].ToString());

    private IResult User(HttpContext context)
    {
        if (Caller(context) is not { } identity)
        {
            return Json(new JsonObject { ["message"] = "401 Unauthorized" }, 401);
        }

        var user = Fixture("gitlab", "user.json");
        user["id"] = long.Parse(identity.Id, CultureInfo.InvariantCulture);
        return Json(user);
    }

    private IResult List(HttpContext context, int iid)
    {
        if (Caller(context) is null)
        {
            return Json(new JsonObject { ["message"] = "401 Unauthorized" }, 401);
        }

        var page = int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var p) ? p : 1;
        var all = NotesOf(iid);
        var items = all.Skip((page - 1) * PageSize).Take(PageSize).ToArray<JsonNode?>();
        context.Response.Headers["X-Page"] = page.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Per-Page"] = PageSize.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Next-Page"] = page * PageSize < all.Count ? (page + 1).ToString(CultureInfo.InvariantCulture) : "";
        return Json(new JsonArray(items));
    }

    private async Task<IResult> CreateAsync(HttpContext context, int iid)
    {
        if (Refuse(context, out var identity) is { } refused)
        {
            return refused;
        }

        var body = (await BodyAsync(context))["body"]!.GetValue<string>();
        lock (_notes)
        {
            var note = NewNote(iid, identity.Id, body);
            _notes.Add(note);
            return Json(note.DeepClone(), 201);
        }
    }

    private async Task<IResult> UpdateAsync(HttpContext context, long id)
    {
        if (Refuse(context, out var identity) is { } refused)
        {
            return refused;
        }

        var body = (await BodyAsync(context))["body"]!.GetValue<string>();
        lock (_notes)
        {
            var note = _notes.FirstOrDefault(n => n["id"]!.GetValue<long>() == id);
            if (note is null)
            {
                return Json(new JsonObject { ["message"] = "404 Not found" }, 404);
            }

            // GitLab lets only a note's author edit its body.
            if (note["author"]!["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture) != identity.Id)
            {
                return Json(Fixture("gitlab", "error.json"), 403);
            }

            note["body"] = body;
            note["updated_at"] = Tick().ToString("O", CultureInfo.InvariantCulture);
            return Json(note.DeepClone());
        }
    }

    private IResult Delete(HttpContext context, long id)
    {
        if (Refuse(context, out _) is { } refused)
        {
            return refused;
        }

        lock (_notes)
        {
            return _notes.RemoveAll(n => n["id"]!.GetValue<long>() == id) == 0 ? Results.NotFound() : Results.NoContent();
        }
    }

    private async Task<IResult> StatusAsync(HttpContext context, string sha)
    {
        if (Refuse(context, out _) is { } refused)
        {
            return refused;
        }

        var body = await BodyAsync(context);
        var status = Fixture("gitlab", "commit-status.json");
        status["sha"] = sha;
        status["status"] = body["state"]?.GetValue<string>();
        foreach (var name in new[] { "name", "description", "target_url" })
        {
            status[name] = body[name]?.DeepClone();
        }

        return Created(status);
    }

    private IResult? Refuse(HttpContext context, out FakeIdentity identity)
    {
        identity = Caller(context)!;
        return identity is null
            ? Json(new JsonObject { ["message"] = "401 Unauthorized" }, 401)
            : identity.CanWrite ? null : Json(Fixture("gitlab", "error.json"), 403);
    }

    private JsonObject NewNote(int iid, string authorId, string body)
    {
        var note = Fixture("gitlab", "note.json");
        var when = Tick().ToString("O", CultureInfo.InvariantCulture);
        note["id"] = ++_nextNote;
        note["body"] = body;
        note["author"]!["id"] = long.Parse(authorId, CultureInfo.InvariantCulture);
        note["noteable_iid"] = iid;
        note["project_id"] = long.Parse(ProjectId, CultureInfo.InvariantCulture);
        note["created_at"] = when;
        note["updated_at"] = when;
        return note;
    }
}
