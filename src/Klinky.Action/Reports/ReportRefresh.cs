using System.Globalization;
using Klinky.Action.Inputs;
using Klinky.Action.Links;
using Klinky.RateLimits;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Reports;

/// <summary>
/// Plans a report run to fit the key's shared hourly budget (Core's <see cref="RequestBudget"/> holds the rule): it reads
/// the budget for free, spends nothing while the saved figures are younger than <c>refresh-after</c> (unless a
/// <c>workflow_dispatch</c> forces a refresh), never spends the reserve left to builds, refreshes the stalest links
/// first (figures of a window that has ended before those of the running one: <see cref="RequestBudget.ReportAllowance"/>),
/// and shows the comment's saved figures, with their age, for the rest; a new link whose creation the build's manifest records, and
/// the comment does not have yet, shows its counts at creation (<see cref="CreationFigures"/>), which within
/// <c>refresh-after</c> of the creation are as fresh as a read: a new pull request's first report spends nothing.
/// </summary>
internal sealed class ReportRefresh
{
    private readonly KlinkyClient _klinky;
    private readonly ActionInputs _inputs;
    private readonly TimeProvider _time;
    private RateLimitState? _budget;

    public ReportRefresh(KlinkyClient klinky, ActionInputs inputs, TimeProvider time)
    {
        _klinky = klinky;
        _inputs = inputs;
        _time = time;
    }

    /// <summary>The budget as last seen: the free read, then the headers of every answer.</summary>
    public RateLimitState? Budget => _klinky.RateLimit ?? _budget;

    /// <param name="savedRead">The comment's saved figures, being read from GitHub: the free budget read overlaps it.</param>
    /// <param name="selection">What the inputs select in the workspace (<see cref="LinkResolver.Select"/>).</param>
    /// <param name="pullRequest">The pull request whose links the default selection finds (no links, slug-prefix or manifest input).</param>
    public async Task<RefreshResult> RunAsync(Task<SavedReport?> savedRead, bool forced, LinkSelection selection, int? pullRequest, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();

        // Free, and read even when nothing will be spent (the summary and outputs say what is left), while GitHub answers.
        var budgetRead = RequestBudget.ReadAsync(_klinky, cancellationToken);
        await Task.WhenAll(savedRead, budgetRead);
        var saved = await savedRead;
        _budget = await budgetRead;
        // A new link's counts at its creation (zero, when the build's manifest says Klinky created it) are figures as good
        // as a read: within refresh-after of them a read would spend requests to learn those zeros.
        var recent = forced ? saved : WithCreation(saved, selection);
        if (recent is { OldestReadAt: { } oldest } && !forced && now - oldest < _inputs.RefreshAfter && (saved is not null || Covers(recent, selection)))
        {
            // No note for saved figures: the footer says when they were read, so an unchanged report is not written again.
            return FromSaved(recent, withinInterval: true, _created.Contains(recent.Links.MinBy(l => l.ReadAt)!.Id) ? $"Figures as of {AsOf(recent.Links)}." : null);
        }

        // Figures all read in the window still running, of every link the inputs are known to name: this report waits
        // for those whose figures are older, or that have none (a new link).
        var known = FromSavedIds(saved);
        _ofThisWindow = saved is not null && saved.Links.All(l => OfThisWindow(l, now))
            && selection.ManifestEntries.All(e => saved.Find(e.Id.Trim()) is not null) && (_inputs.Links.Count == 0 || known is not null);

        // A run that can pay for its lookup but not one stats read would spend without showing anything new. The saved
        // figures know the ids of the slugs they showed, so named links need no listing once the comment has them.
        var lookupCost = known is null && selection.NeedsListing ? 1 : 0;
        if (Allowance() is { } allowance && allowance < lookupCost + 1)
        {
            var shown = WithCreation(saved, selection);
            return shown is null
                ? new RefreshResult { Stats = Array.Empty<LinkStats>(), Saved = Array.Empty<SavedLink>(), Spent = Budget }
                : FromSaved(shown, withinInterval: false, $"Figures as of {AsOf(shown.Links)}; {SpentUntil()}.") with { Spent = Budget };
        }

        var resolution = known ?? await new LinkResolver(_klinky).ResolveAsync(_inputs, selection, pullRequest, cancellationToken);
        _ofThisWindow = resolution.Targets.All(t => saved?.Find(t.Id) is { } link && OfThisWindow(link, now));
        var plan = RequestBudget.PlanRefresh(resolution.Targets, t => saved?.Find(t.Id)?.ReadAt, Allowance());
        var fetched = await new StatsFetcher(_klinky, _inputs.MinimumEffect).FetchAsync(plan.Refresh, cancellationToken, () => Allowance() is not 0);

        // A link neither read now nor in the saved figures may be one the build just created.
        var read = fetched.Stats.Select(s => s.LinkId).Concat(fetched.NotFound).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = resolution.Targets.Any(t => !read.Contains(t.Id) && !read.Contains(t.Display) && saved?.Find(t.Id) is null);
        return Combine(resolution, fetched, unknown ? WithCreation(saved, selection) : saved, now);
    }

    /// <summary>The saved figures with those of the new links the build's manifest knows and the comment does not have yet: zero, as of their creation.</summary>
    private SavedReport? WithCreation(SavedReport? saved, LinkSelection selection)
    {
        var created = CreationFigures.For(selection, saved);
        _created.UnionWith(created.Select(c => c.Id));
        return created.Count == 0 ? saved : new SavedReport((saved?.Links ?? Array.Empty<SavedLink>()).Concat(created).ToList());
    }

    /// <summary>
    /// True when <paramref name="shown"/> has every link the inputs select, known without a listing: each manifest entry
    /// and each of the <c>links</c> by id or slug. A prefix, or the slug convention, is answered by a listing only.
    /// </summary>
    private bool Covers(SavedReport shown, LinkSelection selection) =>
        _inputs.SlugPrefix is null && selection.ByConvention is null
        && selection.ManifestEntries.All(e => !string.IsNullOrWhiteSpace(e.Id) && shown.Find(e.Id.Trim()) is not null)
        && _inputs.Links.All(token => LinkResolver.IsId(token)
            ? shown.Find(token) is not null
            : shown.Links.Any(l => string.Equals(l.Slug, token, StringComparison.Ordinal)));

    private static bool OfThisWindow(SavedLink link, DateTimeOffset now) => link.WindowEndsAt is { } end && end > now;

    /// <summary>The links of the <c>links</c> input from the saved figures' ids, or null when a listing is needed (a prefix, a manifest, an unknown slug).</summary>
    private LinkResolution? FromSavedIds(SavedReport? saved)
    {
        // No input at all is the default selection: the pull request's links, found by a listing (new ones included).
        if (saved is null || _inputs.SlugPrefix is not null || _inputs.Manifest is not null || _inputs.Links.Count == 0)
        {
            return null;
        }

        var targets = new List<LinkTarget>();
        foreach (var token in _inputs.Links)
        {
            var link = LinkResolver.IsId(token) ? saved.Find(token) : saved.Links.FirstOrDefault(l => string.Equals(l.Slug, token, StringComparison.Ordinal));
            if (link is null)
            {
                return null;
            }

            targets.Add(new LinkTarget(link.Id, null, link.ToLink(), "links"));
        }

        return new LinkResolution(targets, Array.Empty<string>(), Array.Empty<string>(), false);
    }

    private RefreshResult Combine(LinkResolution resolution, StatsFetchResult fetched, SavedReport? saved, DateTimeOffset now)
    {
        var fresh = fetched.Stats.ToDictionary(s => s.LinkId, StringComparer.OrdinalIgnoreCase);
        var gone = new HashSet<string>(fetched.NotFound, StringComparer.Ordinal);
        var stats = new List<LinkStats>();
        var keep = new List<SavedLink>();
        var notes = new List<string>();
        var kept = new List<SavedLink>();
        foreach (var target in resolution.Targets)
        {
            if (fresh.TryGetValue(target.Id, out var read))
            {
                // The verdict memory the comment saved: a verdict the report showed stands across pushes.
                var remembered = SavedLink.Remember(read, saved?.Find(target.Id), now);
                stats.Add(remembered);
                keep.Add(SavedLink.From(remembered, now) with { WindowEndsAt = Budget?.ResetsAt is { } end && end > now ? end : null });
            }
            else if (gone.Contains(target.Display))
            {
                continue;
            }
            else if (saved?.Find(target.Id) is { } old)
            {
                stats.Add(Shown(old));
                keep.Add(old);
                kept.Add(old);
            }
            else
            {
                notes.Add($"Link '{target.Display}' was not read: {SpentUntil()}.");
            }
        }

        var unreadAny = kept.Count > 0 || notes.Count > 0;
        if (kept.Count > 0)
        {
            notes.Insert(0, fresh.Count == 0
                ? $"Figures as of {AsOf(kept)}; {SpentUntil()}."
                : $"{fresh.Count} of {fresh.Count + kept.Count} links refreshed; the others show figures as of {AsOf(kept)} ({SpentUntil()}).");
        }

        return new RefreshResult
        {
            Stats = stats,
            Saved = keep,
            Notes = notes,
            Resolution = resolution,
            Fetched = fetched,
            Refreshed = fresh.Count,
            FromSaved = kept.Count,
            Spent = unreadAny ? Budget : null,
        };
    }

    private RefreshResult FromSaved(SavedReport saved, bool withinInterval, string? note) => new()
    {
        Stats = saved.Links.Select(Shown).ToList(),
        Saved = saved.Links,
        Notes = note is null ? Array.Empty<string>() : new[] { note },
        FromSaved = saved.Links.Count,
        WithinInterval = withinInterval,
    };

    // Saved figures re-rendered with this run's minimum-effect, as a fresh read is (StatsFetcher).
    private LinkStats Shown(SavedLink link) =>
        _inputs.MinimumEffect is { } effect ? StatsCalculator.WithMinimumEffect(link.ToStats(), effect) : link.ToStats();

    // Ids of the links shown at their creation, and whether every figure shown was read in the window still running.
    private readonly HashSet<string> _created = new(StringComparer.OrdinalIgnoreCase);
    private bool _ofThisWindow;

    private int? Allowance() => RequestBudget.ReportAllowance(Budget, _inputs.BudgetReserve, _ofThisWindow, _time.GetUtcNow());

    /// <summary>"14:05 UTC" of the oldest figures, saying so when they are a link's creation.</summary>
    private string AsOf(IEnumerable<SavedLink> links)
    {
        var oldest = links.MinBy(l => l.ReadAt)!;
        return Time(oldest.ReadAt) + (_created.Contains(oldest.Id) ? ", when the link was created" : "");
    }

    private string SpentUntil() => Budget is { } budget
        ? $"Klinky's hourly budget is spent until {ResetTime.Clock(budget.ResetsAt)}"
        : "Klinky's hourly budget is spent";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
