using Klinky.Links;
using Klinky.Stats;

namespace Klinky.Action.Links;

/// <summary><see cref="LinkStats"/> is immutable; this copies one to attach the link a manifest described.</summary>
internal static class LinkStatsCopy
{
    public static LinkStats WithLink(LinkStats stats, Link link) => new()
    {
        LinkId = stats.LinkId,
        StartDate = stats.StartDate,
        EndDate = stats.EndDate,
        TotalClicks = stats.TotalClicks,
        TotalConversions = stats.TotalConversions,
        ControlLabel = stats.ControlLabel,
        Variants = stats.Variants,
        Status = stats.Status,
        RecommendedWinner = stats.RecommendedWinner,
        WinnerLabel = stats.WinnerLabel,
        AutoWinnerThreshold = stats.AutoWinnerThreshold,
        Source = stats.Source,
        RequestCost = stats.RequestCost,
        Link = link,
    };
}
