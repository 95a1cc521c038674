using System.Globalization;

namespace Klinky.RateLimits;

/// <summary>
/// The one home for "what is left and what may this job spend" of the key's hourly budget, which every job of an
/// account shares. Jobs look before they spend (the rate-limit read is free) and leave a reserve to builds.
/// </summary>
internal static class RequestBudget
{
    /// <summary>Requests of each window a report leaves to builds unless told otherwise.</summary>
    public const int DefaultReserve = 20;

    /// <summary>
    /// Reads the budget left without spending any of it (<c>GET /public/keys/rate-limit</c> is not counted). Null when the
    /// server will not say (the hosted service asks a dashboard token there): the job then learns the budget from the
    /// headers of its first counted answer, as <see cref="KlinkyClient.RateLimit"/>.
    /// </summary>
    public static async Task<RateLimitState?> ReadAsync(KlinkyClient client, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        try
        {
            // An answer that is not a believable budget (a wrong server's "{}") says nothing.
            var state = await client.RateLimits.GetAsync(cancellationToken).ConfigureAwait(false);
            return state.Limit > 0 && state.Remaining <= state.Limit ? state : client.RateLimit;
        }
        catch (KlinkyException) when (!cancellationToken.IsCancellationRequested)
        {
            return client.RateLimit;
        }
    }

    /// <summary>
    /// How many requests a job in <paramref name="role"/> may still spend, or null when the budget is unknown (then it spends
    /// and learns from the first answer's headers). A report leaves <paramref name="reserve"/> to builds; a build may spend all.
    /// </summary>
    public static int? Allowance(RateLimitState? state, BudgetRole role, int reserve, DateTimeOffset now)
    {
        if (reserve < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reserve), reserve, "The reserve is a number of requests, 0 or more.");
        }

        if (state is null)
        {
            return null;
        }

        // The window the state describes has ended: a new one starts with the whole limit.
        var left = state.ResetsAt <= now ? state.Limit : state.Remaining;
        return role == BudgetRole.Build ? Math.Max(0, left) : Math.Max(0, left - reserve);
    }

    /// <summary>
    /// What a report may spend. Figures read in the window still running can wait: such a report leaves, above the
    /// reserve, half of what reports may spend in a window (<see cref="ThisWindowRoom"/>) to reports whose figures are of a
    /// window that has ended, or that have none. Without that, the reports that come first in a window spend it, and a
    /// report whose figures are a window old waits for the next one: figures up to two windows old.
    /// </summary>
    internal static int? ReportAllowance(RateLimitState? state, int reserve, bool figuresOfThisWindow, DateTimeOffset now)
    {
        var allowance = Allowance(state, BudgetRole.Report, reserve, now);
        return allowance is { } left && figuresOfThisWindow && state!.ResetsAt > now
            ? Math.Max(0, left - ThisWindowRoom(state.Limit, reserve))
            : allowance;
    }

    /// <summary>The requests a report with figures of the running window leaves to the others: half of what reports may spend.</summary>
    internal static int ThisWindowRoom(int limit, int reserve) => Math.Max(0, limit - reserve) / 2;

    /// <summary>
    /// The items to refresh with <paramref name="allowance"/> requests at <paramref name="costEach"/> per item: the stalest
    /// first (never read before anything read), ties in their given order. A null allowance (budget unknown) refreshes all.
    /// </summary>
    public static RefreshPlan<T> PlanRefresh<T>(IEnumerable<T> items, Func<T, DateTimeOffset?> readAt, int? allowance, int costEach = 1)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (readAt is null)
        {
            throw new ArgumentNullException(nameof(readAt));
        }

        if (costEach < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(costEach), costEach, "Each refresh costs at least one request.");
        }

        var all = items.ToList();
        if (allowance is not { } budget)
        {
            return new RefreshPlan<T>(all, Array.Empty<T>());
        }

        var affordable = Math.Max(0, budget) / costEach;
        var stalestFirst = all.Select((item, index) => (item, index, at: readAt(item)))
            .OrderBy(x => x.at.HasValue ? 1 : 0)
            .ThenBy(x => x.at ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .ToList();
        var refresh = stalestFirst.Take(affordable).Select(x => x.item).ToList();
        var chosen = new HashSet<int>(stalestFirst.Take(affordable).Select(x => x.index));
        var keep = all.Where((_, index) => !chosen.Contains(index)).ToList();
        return new RefreshPlan<T>(refresh, keep);
    }

    /// <summary>One line for every surface: what the job spent and what is left, e.g. "spent 3 Klinky requests; 42 of 100 left until 15:00 UTC".</summary>
    public static string Describe(long spent, RateLimitState? left)
    {
        var spentText = string.Format(CultureInfo.InvariantCulture, "spent {0} Klinky request{1}", spent, spent == 1 ? "" : "s");
        return left is null
            ? spentText + "; the budget left is unknown (no rate-limit answer seen)"
            : string.Format(CultureInfo.InvariantCulture, "{0}; {1} of {2} left until {3}", spentText, left.Remaining, left.Limit, ResetTime.Clock(left.ResetsAt));
    }
}
