using System.Globalization;
using System.Net.Http;
using System.Text.Json.Nodes;
using Klinky.Publishing.Gate;
using Klinky.Publishing.Http;

namespace Klinky.Publishing.GitLab;

/// <summary>
/// GitLab over its REST API v4 (Flurl): the report is a merge request note, the gate a commit status on the head
/// commit. GitLab has no "hide as outdated" for notes, so <c>hide</c> falls back to recreate. Routes
/// (docs.gitlab.com/api/notes, /api/commits#set-the-pipeline-status-of-a-commit, /api/users#get-the-current-user):
/// <c>GET|POST /projects/:id/merge_requests/:iid/notes</c> (paged by <c>X-Next-Page</c>), <c>PUT|DELETE …/notes/:note_id</c>,
/// <c>POST /projects/:id/statuses/:sha</c>, <c>GET /user</c>.
/// </summary>
public sealed class GitLabPlatform : IReportPlatform, IDisposable
{
    /// <summary>What a token needs: <c>CI_JOB_TOKEN</c> cannot write notes or statuses.</summary>
    public const string Permission = "a project or group access token with the 'api' scope and at least the Reporter role (Developer for commit statuses)";

    private readonly GitLabMergeRequest _mergeRequest;
    private readonly RestConnection _rest;

    public GitLabPlatform(GitLabMergeRequest mergeRequest, string token, PlatformOptions options)
    {
        _mergeRequest = Check.NotNull(mergeRequest, nameof(mergeRequest));
        Check.NotEmpty(token, nameof(token));
        Check.NotNull(options, nameof(options));
        _rest = new RestConnection(new RestConnectionOptions
        {
            Platform = Name,
            AuthHeader = "PRIVATE-TOKEN",
            AuthValue = token,
            UserAgent = options.UserAgent,
            MaxRateLimitWait = options.MaxRateLimitWait,
            Time = options.Time,
            Describe = Describe,
        });
    }

    public string Name => "GitLab";

    public string Where => _mergeRequest.ToString();

    public bool CanHide => false;

    public async Task<string> WhoAmIAsync(CancellationToken cancellationToken)
    {
        var response = await _rest.SendAsync(HttpMethod.Get, $"{_mergeRequest.ApiUrl.TrimEnd('/')}/user", null, "reading who the token is", cancellationToken).ConfigureAwait(false);
        return Id(response.Json?["id"]) ?? throw new PublishingException("GitLab did not say who the token is (GET /user without an id).", Name, 200);
    }

    public async Task<IReadOnlyList<ReportComment>> ListAsync(CancellationToken cancellationToken)
    {
        var notes = new List<ReportComment>();
        string? page = "1";
        while (page is not null)
        {
            var url = $"{_mergeRequest.NotesUrl}?sort=asc&order_by=created_at&per_page=100&page={Uri.EscapeDataString(page)}";
            var response = await _rest.SendAsync(HttpMethod.Get, url, null, $"reading the notes of {Where}", cancellationToken).ConfigureAwait(false);
            foreach (var note in response.Json?.AsArray() ?? new JsonArray())
            {
                // System notes ("added 1 commit") are GitLab's own, never a report.
                if (note is not null && note["system"]?.GetValue<bool>() != true)
                {
                    notes.Add(ToReport(note));
                }
            }

            // Empty on the last page; GitLab omits it altogether past 10,000 items (then Link rel=next is absent too).
            page = response.Header("X-Next-Page");
        }

        return notes;
    }

    public async Task<ReportComment> CreateAsync(string body, CancellationToken cancellationToken)
    {
        var response = await _rest.SendAsync(HttpMethod.Post, _mergeRequest.NotesUrl, new JsonObject { ["body"] = body }, $"creating the report note on {Where}", cancellationToken).ConfigureAwait(false);
        return ToReport(response.Json ?? throw new PublishingException("GitLab answered the new note without a body.", Name, 201));
    }

    public async Task<ReportComment> UpdateAsync(ReportComment comment, string body, CancellationToken cancellationToken)
    {
        Check.NotNull(comment, nameof(comment));
        var response = await _rest.SendAsync(HttpMethod.Put, $"{_mergeRequest.NotesUrl}/{comment.Id}", new JsonObject { ["body"] = body }, $"updating the report note on {Where}", cancellationToken).ConfigureAwait(false);
        return response.Json is { } json ? ToReport(json) : comment with { Body = body };
    }

    public Task DeleteAsync(ReportComment comment, CancellationToken cancellationToken)
    {
        Check.NotNull(comment, nameof(comment));
        return _rest.SendAsync(HttpMethod.Delete, $"{_mergeRequest.NotesUrl}/{comment.Id}", null, $"deleting a report note on {Where}", cancellationToken);
    }

    public Task HideAsync(ReportComment comment, CancellationToken cancellationToken) =>
        throw new NotSupportedException("GitLab cannot hide a note; the publisher recreates instead.");

    public Task SetStatusAsync(GateStatus status, CancellationToken cancellationToken)
    {
        Check.NotNull(status, nameof(status));
        var sha = _mergeRequest.HeadCommit ?? throw new PublishingException("The merge request's head commit is unknown (CI_MERGE_REQUEST_SOURCE_BRANCH_SHA or CI_COMMIT_SHA), so the gate's status has no commit to go on.", Name, null);
        var body = new JsonObject
        {
            ["state"] = status.State switch { GateState.Success => "success", GateState.Failure => "failed", _ => "pending" },
            ["name"] = status.Context,
            ["description"] = status.Description,
        };
        if (status.TargetUrl is not null)
        {
            body["target_url"] = status.TargetUrl;
        }

        return _rest.SendAsync(HttpMethod.Post, $"{_mergeRequest.ProjectUrl}/statuses/{Uri.EscapeDataString(sha)}", body, $"setting the {status.Context} status on {Where}", cancellationToken);
    }

    public void Dispose() => _rest.Dispose();

    private ReportComment ToReport(JsonNode note)
    {
        var id = Id(note["id"]) ?? "";
        var created = note["created_at"]?.GetValue<string>();
        return new ReportComment(
            id,
            note["body"]?.GetValue<string>(),
            _mergeRequest.WebUrl is { } web ? $"{web}#note_{id}" : null,
            Id(note["author"]?["id"]) ?? "",
            created is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private static string? Id(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var id) ? id.ToString(CultureInfo.InvariantCulture) : null;

    private string Describe(int status, string what, string detail) => status switch
    {
        401 or 403 => $"GitLab refused {what} ({status}{(detail.Length > 0 ? ": " + detail : "")}). The token needs to be {Permission}; " +
            "store it as a masked CI/CD variable and pass it as KLINKY_GITLAB_TOKEN (or -Token).",
        404 => $"GitLab found no {Where} while {what} (404{(detail.Length > 0 ? ": " + detail : "")}). Check CI_SERVER_URL, the project id and the merge request iid; " +
            "GitLab also answers 404 to a token that may not see the project.",
        _ => $"GitLab answered {status} while {what}{(detail.Length > 0 ? ": " + detail : "")}.",
    };
}
