using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Publishing.Gate;

/// <summary>
/// Turns the stats' verdict into the gate's state. It decides nothing statistical: each variant's verdict (better,
/// worse, inconclusive under the always-valid test) and each link's status come from Klinky.Core as computed there.
/// </summary>
public static class ReportGate
{
    public static GateStatus Decide(IReadOnlyList<LinkStats> links, string commentKey, string? targetUrl)
    {
        Check.NotNull(links, nameof(links));
        Check.NotEmpty(commentKey, nameof(commentKey));
        var worse = links
            .SelectMany(l => l.Variants.Where(v => v.Verdict == VariantVerdict.Worse).Select(v => (Link: Name(l), v.Label)))
            .ToList();
        var context = GateStatus.ContextFor(commentKey);
        if (worse.Count > 0)
        {
            var first = worse[0];
            var more = worse.Count > 1 ? $" (+{worse.Count - 1} more)" : "";
            return Status(GateState.Failure, context, $"{first.Link}: {first.Label} is significantly worse than control{more}", targetUrl);
        }

        if (links.Count == 0)
        {
            return Status(GateState.Pending, context, "No Klinky links to judge yet", targetUrl);
        }

        // Otherwise the description is the report's own headline (Core's VerdictText) of the link that decided.
        if (links.All(l => l.Status == StatsStatus.InsufficientData))
        {
            return Status(GateState.Pending, context, Verdict(links[0]), targetUrl);
        }

        var winner = links.FirstOrDefault(l => l.Status == StatsStatus.Significant && l.RecommendedWinner is not null);
        return Status(GateState.Success, context, Verdict(winner ?? links.First(l => l.Status != StatsStatus.InsufficientData)), targetUrl);
    }

    private static string Verdict(LinkStats stats) => $"{Name(stats)}: {VerdictText.For(stats)}";

    private static GateStatus Status(GateState state, string context, string description, string? targetUrl) =>
        new(state, context, description.Length > GateStatus.MaxDescriptionLength ? description.Substring(0, GateStatus.MaxDescriptionLength - 1) + "…" : description, targetUrl);

    private static string Name(LinkStats stats) => stats.Link?.Slug is { Length: > 0 } slug ? slug : stats.LinkId;
}
