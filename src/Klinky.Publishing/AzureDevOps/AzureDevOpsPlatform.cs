using System.Globalization;
using System.Net.Http;
using System.Text.Json.Nodes;
using Klinky.Publishing.Gate;
using Klinky.Publishing.Http;

namespace Klinky.Publishing.AzureDevOps;

/// <summary>
/// Azure Repos over its REST API 7.1 (Flurl): the report is the first comment of a pull request thread, created
/// closed so it never blocks completion; the gate is a pull request status. Azure DevOps has no "hide as outdated",
/// so <c>hide</c> falls back to recreate. Routes (learn.microsoft.com/rest/api/azure/devops/git):
/// <c>pull-request-threads/list|create</c>, <c>pull-request-thread-comments/update|delete</c>,
/// <c>pull-request-statuses/create</c>, and <c>_apis/connectionData</c> for who the token is.
/// </summary>
public sealed class AzureDevOpsPlatform : IReportPlatform, IDisposable
{
    /// <summary>The project permission the build service needs to comment and set statuses.</summary>
    public const string Permission = "Contribute to pull requests";

    private const string ApiVersion = "api-version=7.1";
    private readonly AzureDevOpsPullRequest _pullRequest;
    private readonly RestConnection _rest;

    public AzureDevOpsPlatform(AzureDevOpsPullRequest pullRequest, string accessToken, PlatformOptions options)
    {
        _pullRequest = Check.NotNull(pullRequest, nameof(pullRequest));
        Check.NotEmpty(accessToken, nameof(accessToken));
        Check.NotNull(options, nameof(options));
        _rest = new RestConnection(new RestConnectionOptions
        {
            Platform = Name,
            AuthHeader = "Authorization",
            AuthValue = "Bearer " + accessToken,
            UserAgent = options.UserAgent,
            MaxRateLimitWait = options.MaxRateLimitWait,
            Time = options.Time,
            Describe = Describe,
        });
    }

    public string Name => "Azure DevOps";

    public string Where => _pullRequest.ToString();

    public bool CanHide => false;

    public async Task<string> WhoAmIAsync(CancellationToken cancellationToken)
    {
        var response = await _rest.SendAsync(HttpMethod.Get, $"{_pullRequest.CollectionUrl.TrimEnd('/')}/_apis/connectionData", null, "reading who the token is", cancellationToken).ConfigureAwait(false);
        return response.Json?["authenticatedUser"]?["id"]?.GetValue<string>()
            ?? throw new PublishingException("Azure DevOps did not say who the token is (connectionData without authenticatedUser.id).", Name, 200);
    }

    public async Task<IReadOnlyList<ReportComment>> ListAsync(CancellationToken cancellationToken)
    {
        var comments = new List<ReportComment>();
        string? continuation = null;
        do
        {
            var url = $"{_pullRequest.ApiUrl}/threads?{ApiVersion}" + (continuation is null ? "" : "&continuationToken=" + Uri.EscapeDataString(continuation));
            var response = await _rest.SendAsync(HttpMethod.Get, url, null, $"reading the threads of {Where}", cancellationToken).ConfigureAwait(false);
            foreach (var thread in response.Json?["value"]?.AsArray() ?? new JsonArray())
            {
                // The report is a thread's first comment; replies by people and deleted threads are not reports.
                if (thread is null || thread["isDeleted"]?.GetValue<bool>() == true || FirstComment(thread) is not { } first)
                {
                    continue;
                }

                comments.Add(ToReport(thread, first));
            }

            continuation = response.Header("x-ms-continuationtoken");
        }
        while (continuation is not null);
        return comments;
    }

    public async Task<ReportComment> CreateAsync(string body, CancellationToken cancellationToken)
    {
        var thread = new JsonObject
        {
            ["comments"] = new JsonArray(new JsonObject { ["parentCommentId"] = 0, ["content"] = body, ["commentType"] = "text" }),
            // Closed: a report is information, and an active thread would block completion under the "comments resolved" policy.
            ["status"] = "closed",
        };
        var response = await _rest.SendAsync(HttpMethod.Post, $"{_pullRequest.ApiUrl}/threads?{ApiVersion}", thread, $"creating the report thread on {Where}", cancellationToken).ConfigureAwait(false);
        var created = response.Json ?? throw new PublishingException("Azure DevOps answered the new thread without a body.", Name, 200);
        return ToReport(created, FirstComment(created) ?? new JsonObject { ["id"] = 1, ["content"] = body });
    }

    public async Task<ReportComment> UpdateAsync(ReportComment comment, string body, CancellationToken cancellationToken)
    {
        Check.NotNull(comment, nameof(comment));
        await _rest.SendAsync(new HttpMethod("PATCH"), $"{CommentUrl(comment)}?{ApiVersion}", new JsonObject { ["content"] = body }, $"updating the report on {Where}", cancellationToken).ConfigureAwait(false);
        return comment with { Body = body };
    }

    public Task DeleteAsync(ReportComment comment, CancellationToken cancellationToken)
    {
        Check.NotNull(comment, nameof(comment));
        return _rest.SendAsync(HttpMethod.Delete, $"{CommentUrl(comment)}?{ApiVersion}", null, $"deleting a report on {Where}", cancellationToken);
    }

    public Task HideAsync(ReportComment comment, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Azure DevOps cannot hide a comment; the publisher recreates instead.");

    public Task SetStatusAsync(GateStatus status, CancellationToken cancellationToken)
    {
        Check.NotNull(status, nameof(status));
        var slash = status.Context.IndexOf('/');
        var body = new JsonObject
        {
            ["state"] = status.State switch { GateState.Success => "succeeded", GateState.Failure => "failed", _ => "pending" },
            ["description"] = status.Description,
            // A branch policy names a status as genre/name: klinky/<comment-key>.
            ["context"] = new JsonObject { ["genre"] = status.Context.Substring(0, slash), ["name"] = status.Context.Substring(slash + 1) },
        };
        if (status.TargetUrl is not null)
        {
            body["targetUrl"] = status.TargetUrl;
        }

        return _rest.SendAsync(HttpMethod.Post, $"{_pullRequest.ApiUrl}/statuses?{ApiVersion}", body, $"setting the {status.Context} status on {Where}", cancellationToken);
    }

    public void Dispose() => _rest.Dispose();

    private string CommentUrl(ReportComment comment) => $"{_pullRequest.ApiUrl}/threads/{comment.Id}/comments/{comment.Handle ?? "1"}";

    private static JsonNode? FirstComment(JsonNode thread) =>
        thread["comments"]?.AsArray().FirstOrDefault(c => c?["parentCommentId"]?.GetValue<int>() is null or 0 && c?["isDeleted"]?.GetValue<bool>() != true);

    private ReportComment ToReport(JsonNode thread, JsonNode first)
    {
        var threadId = thread["id"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        var published = first["publishedDate"]?.GetValue<string>() ?? thread["publishedDate"]?.GetValue<string>();
        return new ReportComment(
            threadId,
            first["content"]?.GetValue<string>(),
            $"{_pullRequest.WebUrl}?discussionId={threadId}",
            first["author"]?["id"]?.GetValue<string>() ?? "",
            published is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
        {
            Handle = first["id"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture),
        };
    }

    private string Describe(int status, string what, string detail) => status switch
    {
        401 or 403 => $"Azure DevOps refused {what} ({status}{(detail.Length > 0 ? ": " + detail : "")}). Grant the build service (Project Collection Build Service, or '<project> Build Service') " +
            $"'{Permission}' on the repository (Project settings > Repositories > Security), and pass the job's token as SYSTEM_ACCESSTOKEN: $(System.AccessToken).",
        404 => $"Azure DevOps found no {Where} while {what} (404{(detail.Length > 0 ? ": " + detail : "")}). Check the collection URL, project, repository and pull request id.",
        _ => $"Azure DevOps answered {status} while {what}{(detail.Length > 0 ? ": " + detail : "")}.",
    };
}
