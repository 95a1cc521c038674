namespace Klinky.Publishing.GitLab;

/// <summary>
/// A GitLab merge request: the API root (<c>CI_API_V4_URL</c>, else <c>CI_SERVER_URL</c> + <c>/api/v4</c>), the
/// project id (<c>CI_PROJECT_ID</c>) or path, the merge request's iid (<c>CI_MERGE_REQUEST_IID</c>), and its head commit.
/// </summary>
public sealed record GitLabMergeRequest(string ApiUrl, string Project, int Iid, string? HeadCommit, string? WebUrl = null)
{
    public string ProjectUrl => $"{ApiUrl.TrimEnd('/')}/projects/{Uri.EscapeDataString(Project)}";

    public string NotesUrl => $"{ProjectUrl}/merge_requests/{Iid}/notes";

    public override string ToString() => $"{Project}!{Iid}";
}
