namespace Klinky.Publishing;

/// <summary>
/// Keeps ONE report comment per pull request and comment key, on any platform. The comment is recognised by its exact
/// hidden marker on the first line AND by its author (the token's own identity), so a comment someone else wrote with
/// a copied marker is never touched. Calls: who-am-I, the comment pages, and one write (plus a delete per duplicate
/// left by racing runs). The modes are decided here once; platforms only supply the primitives.
/// </summary>
public sealed class ReportPublisher
{
    private readonly IReportPlatform _platform;

    public ReportPublisher(IReportPlatform platform) => _platform = Check.NotNull(platform, nameof(platform));

    public IReportPlatform Platform => _platform;

    /// <summary>
    /// Reads who the token is and the report comments it left (every page). Independent of the report, so a caller can
    /// start it while Klinky is still being asked for stats; its result also carries the current report's body.
    /// </summary>
    public async Task<ExistingReport> FindAsync(string marker, CancellationToken cancellationToken = default)
    {
        Check.NotEmpty(marker, nameof(marker));
        var author = await _platform.WhoAmIAsync(cancellationToken).ConfigureAwait(false);
        var all = await _platform.ListAsync(cancellationToken).ConfigureAwait(false);
        var ours = all
            .Where(c => IsReport(c.Body, marker) && string.Equals(c.Author, author, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id.Length)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        return new ExistingReport(author, ours);
    }

    /// <summary>
    /// Creates, updates or leaves the report comment; removes duplicates. One write unless racing runs left duplicates;
    /// <c>hide</c> posts the new report and collapses the previous one where the platform can (else it recreates).
    /// </summary>
    public async Task<CommentOutcome> PublishAsync(ExistingReport existing, string body, CommentMode mode, CancellationToken cancellationToken = default)
    {
        Check.NotNull(existing, nameof(existing));
        Check.NotNull(body, nameof(body));
        var ours = existing.Ours;
        if (mode == CommentMode.Hide && _platform.CanHide)
        {
            return await PostAndHideAsync(existing, body, cancellationToken).ConfigureAwait(false);
        }

        // Where the platform cannot hide, a fresh report at the bottom with the old one removed is the nearest behaviour.
        var recreate = mode is CommentMode.Recreate or CommentMode.Hide;
        if (recreate || ours.Count == 0)
        {
            // Create before deleting: if the write is refused, the old report stays.
            var created = await _platform.CreateAsync(body, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(ours, cancellationToken).ConfigureAwait(false);
            return new CommentOutcome(ours.Count == 0 ? CommentAction.Created : CommentAction.Recreated, created.Id, created.Url, existing.Author, recreate ? 0 : ours.Count);
        }

        // Racing runs can each create a comment; the oldest is the one people have seen and linked to, so it stays.
        var keeper = ours[0];
        var duplicates = ours.Skip(1).ToList();
        var action = CommentAction.Unchanged;
        var url = keeper.Url;
        if (!SameBody(keeper.Body, body))
        {
            var updated = await _platform.UpdateAsync(keeper, body, cancellationToken).ConfigureAwait(false);
            url = updated.Url ?? url;
            action = CommentAction.Updated;
        }

        await DeleteAsync(duplicates, cancellationToken).ConfigureAwait(false);
        return new CommentOutcome(action, keeper.Id, url, existing.Author, duplicates.Count);
    }

    /// <summary>
    /// Nothing to report: <c>delete</c> removes every report comment of this key (one request each), <c>hide</c>
    /// collapses the newest (older ones were hidden by the runs that followed them; where the platform cannot hide, it
    /// deletes). Null when there was none.
    /// </summary>
    public async Task<CommentOutcome?> RetireAsync(ExistingReport existing, CommentMode mode, CancellationToken cancellationToken = default)
    {
        Check.NotNull(existing, nameof(existing));
        if (existing.Ours.Count == 0 || mode is not (CommentMode.Delete or CommentMode.Hide))
        {
            return null;
        }

        var newest = existing.Ours[existing.Ours.Count - 1];
        if (mode == CommentMode.Hide && _platform.CanHide)
        {
            await _platform.HideAsync(newest, cancellationToken).ConfigureAwait(false);
            return new CommentOutcome(CommentAction.Hidden, newest.Id, newest.Url, existing.Author, 0);
        }

        await DeleteAsync(existing.Ours, cancellationToken).ConfigureAwait(false);
        return new CommentOutcome(CommentAction.Deleted, newest.Id, null, existing.Author, existing.Ours.Count - 1);
    }

    private async Task<CommentOutcome> PostAndHideAsync(ExistingReport existing, string body, CancellationToken cancellationToken)
    {
        // The newest report is the visible one; when it already says this, a fresh copy would only notify people.
        var newest = existing.Ours.Count == 0 ? null : existing.Ours[existing.Ours.Count - 1];
        if (newest is not null && SameBody(newest.Body, body))
        {
            return new CommentOutcome(CommentAction.Unchanged, newest.Id, newest.Url, existing.Author, 0);
        }

        var created = await _platform.CreateAsync(body, cancellationToken).ConfigureAwait(false);
        if (newest is not null)
        {
            await _platform.HideAsync(newest, cancellationToken).ConfigureAwait(false);
        }

        return new CommentOutcome(newest is null ? CommentAction.Created : CommentAction.PostedAndHidPrevious, created.Id, created.Url, existing.Author, 0);
    }

    // Platforms store bodies with CRLF as sent and may drop trailing whitespace; neither is a change worth a notification.
    public static bool SameBody(string? existing, string wanted) =>
        string.Equals(Normalize(existing ?? ""), Normalize(wanted), StringComparison.Ordinal);

    private static string Normalize(string body) => body.Replace("\r\n", "\n").TrimEnd();

    /// <summary>The report's first line is the marker: a comment merely quoting it is not a report.</summary>
    public static bool IsReport(string? body, string marker) =>
        body is not null && body.StartsWith(marker, StringComparison.Ordinal)
        && (body.Length == marker.Length || body[marker.Length] is '\n' or '\r');

    private async Task DeleteAsync(IEnumerable<ReportComment> comments, CancellationToken cancellationToken)
    {
        foreach (var comment in comments)
        {
            await _platform.DeleteAsync(comment, cancellationToken).ConfigureAwait(false);
        }
    }
}
