namespace Klinky.Publishing;

/// <summary>
/// One comment on a pull or merge request, as every platform has it: enough to find the report by its marker and
/// author, read its body back (a report's own saved data lives there), and edit or remove it.
/// </summary>
/// <param name="Id">The platform's id (GitHub comment id, Azure DevOps thread id, GitLab note id).</param>
/// <param name="Author">Who wrote it, in the form <see cref="IReportPlatform.WhoAmIAsync"/> answers (login, user id).</param>
public sealed record ReportComment(string Id, string? Body, string? Url, string Author, DateTimeOffset CreatedAt)
{
    /// <summary>What the platform needs besides the id to act on it (GitHub's GraphQL node id, an Azure DevOps comment id).</summary>
    internal string? Handle { get; init; }
}
