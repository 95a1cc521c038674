using Klinky.Publishing.Gate;

namespace Klinky.Publishing;

/// <summary>
/// "How do I post" on one platform, for one pull or merge request: the primitives <see cref="ReportPublisher"/> builds
/// the comment modes on, and the commit status of the merge gate. "Where am I running" is decided before, by
/// <see cref="PlatformDetector"/> from Core's CI context.
/// </summary>
public interface IReportPlatform
{
    /// <summary>The platform's name for messages: GitHub, Azure DevOps, GitLab.</summary>
    string Name { get; }

    /// <summary>The pull or merge request, as messages name it (<c>owner/name#3</c>, <c>group/project!7</c>).</summary>
    string Where { get; }

    /// <summary>False where the platform cannot collapse a comment as outdated; <c>hide</c> then recreates instead.</summary>
    bool CanHide { get; }

    /// <summary>Who the token writes as, in the form <see cref="ReportComment.Author"/> carries.</summary>
    Task<string> WhoAmIAsync(CancellationToken cancellationToken);

    /// <summary>Every comment of the pull request, across all pages.</summary>
    Task<IReadOnlyList<ReportComment>> ListAsync(CancellationToken cancellationToken);

    Task<ReportComment> CreateAsync(string body, CancellationToken cancellationToken);

    Task<ReportComment> UpdateAsync(ReportComment comment, string body, CancellationToken cancellationToken);

    Task DeleteAsync(ReportComment comment, CancellationToken cancellationToken);

    /// <summary>Collapses the comment as outdated; only called when <see cref="CanHide"/>.</summary>
    Task HideAsync(ReportComment comment, CancellationToken cancellationToken);

    /// <summary>Sets the merge gate's status on the pull request's head commit (the pull request itself on Azure DevOps).</summary>
    Task SetStatusAsync(GateStatus status, CancellationToken cancellationToken);
}
