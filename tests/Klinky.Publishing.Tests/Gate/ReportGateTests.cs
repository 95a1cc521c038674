using Klinky.Testing;
using Klinky.Publishing.Gate;
using Klinky.Stats;

namespace Klinky.Publishing.Tests.Gate;

public sealed class ReportGateTests
{
    [Fact]
    public void Decide_PreviewSignificantlyWorse_FailsAndNamesIt()
    {
        var stats = GateCases.Worse();
        Assert.Equal(VariantVerdict.Worse, stats.Variants.Single(v => v.Label == "preview").Verdict);

        var status = ReportGate.Decide(new[] { stats }, "checkout", "https://example.test/report");

        Assert.Equal(GateState.Failure, status.State);
        Assert.Equal("klinky/checkout", status.Context);
        Assert.Equal("checkout-pr-7: preview is significantly worse than control", status.Description);
        Assert.Equal("https://example.test/report", status.TargetUrl);
    }

    [Fact]
    public void Decide_NoSignificantDifference_Succeeds()
    {
        var stats = GateCases.Neutral();
        Assert.Equal(StatsStatus.Running, stats.Status);

        Assert.Equal(GateState.Success, ReportGate.Decide(new[] { stats }, "checkout", null).State);
    }

    [Fact]
    public void Decide_PreviewWins_SucceedsAndSaysSo()
    {
        var stats = GateCases.Winning();

        var status = ReportGate.Decide(new[] { stats }, "checkout", null);

        Assert.Equal(GateState.Success, status.State);
        Assert.StartsWith("checkout-pr-7: preview beats control", status.Description, StringComparison.Ordinal);
        Assert.StartsWith(status.Description.TrimEnd('…'), "checkout-pr-7: " + Klinky.Reporting.VerdictText.For(stats), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CollectingData_IsPending()
    {
        var collecting = ReportGate.Decide(new[] { GateCases.Collecting() }, "checkout", null);
        Assert.Equal(GateState.Pending, collecting.State);
        Assert.StartsWith("checkout-pr-7: Collecting data", collecting.Description, StringComparison.Ordinal);
        Assert.Equal(GateState.Pending, ReportGate.Decide(Array.Empty<LinkStats>(), "checkout", null).State);
    }

    [Fact]
    public void Decide_OneWorseLinkAmongOthers_Fails() =>
        Assert.Equal(GateState.Failure, ReportGate.Decide(new[] { GateCases.Winning(), GateCases.Collecting(), GateCases.Worse() }, "checkout", null).State);

    [Fact]
    public void Decide_KeepsTheDescriptionWithinGitHubsLimit()
    {
        var stats = GateCases.Worse() with { Link = KlinkyModelFactory.Link(slug: new string('s', 200)) };

        Assert.Equal(GateStatus.MaxDescriptionLength, ReportGate.Decide(new[] { stats }, "checkout", null).Description.Length);
    }
}
