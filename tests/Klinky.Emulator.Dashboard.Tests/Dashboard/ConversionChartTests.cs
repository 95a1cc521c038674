using System.Globalization;
using System.Text.RegularExpressions;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Dashboard.Tests.Dashboard;

/// <summary>The chart's time axis is to scale: bursty traffic is drawn where it happened, not one step per bucket with clicks.</summary>
public sealed partial class ConversionChartTests
{
    private const double PlotLeft = 56, PlotRight = 720 - 16;

    [Fact]
    public void TwoBurstsAnHourApart_AreDrawnAtTheTwoEndsOfTheAxis_NotSpacedEvenly()
    {
        var start = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        var link = Link();
        var times = new[] { start, start.AddSeconds(1), start.AddSeconds(2), start.AddHours(1), start.AddHours(1).AddSeconds(1) };
        var buckets = times.SelectMany(t => new[] { new TimelineBucket(t, "control", 100, 5), new TimelineBucket(t, "variant_b", 100, 8) }).ToList();

        var svg = ConversionChart.Render(link, buckets);

        var xs = PointsOf(svg, "control");
        Assert.Equal(5, xs.Count);
        var width = PlotRight - PlotLeft;

        // Two seconds out of an hour and two seconds: the first burst sits in the axis' first thousandth, the second at its end.
        Assert.All(xs.Take(3), x => Assert.InRange(x, PlotLeft, PlotLeft + (width * 0.002)));
        Assert.All(xs.Skip(3), x => Assert.InRange(x, PlotRight - (width * 0.002), PlotRight));
        Assert.Equal(xs.Order(), xs);
    }

    [Fact]
    public void PointsAtEvenTimes_AreEvenlySpaced()
    {
        var start = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        var buckets = Enumerable.Range(0, 5).Select(i => new TimelineBucket(start.AddMinutes(i * 10), "control", 50, 2)).ToList();

        var xs = PointsOf(ConversionChart.Render(Link(), buckets), "control");

        var steps = xs.Zip(xs.Skip(1), (a, b) => b - a).ToList();
        Assert.All(steps, step => Assert.InRange(step, steps[0] - 0.2, steps[0] + 0.2));
        Assert.Equal(PlotLeft, xs[0], 1);
        Assert.Equal(PlotRight, xs[^1], 1);
    }

    private static LinkRecord Link() => new()
    {
        Id = "link-chart", Workspace = "w", Sequence = 1, Slug = "chart", Name = "Chart",
        Variants = new[] { new Klinky.Links.Variant("control", "https://example.com/a", 50), new Klinky.Links.Variant("variant_b", "https://example.com/b", 50) },
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static List<double> PointsOf(string svg, string label)
    {
        var match = Series().Matches(svg).Single(m => m.Groups["label"].Value == label);
        return match.Groups["points"].Value.Split(' ').Select(p => double.Parse(p.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
    }

    [GeneratedRegex("""<polyline class="series" data-label="(?<label>[^"]*)" points="(?<points>[^"]*)" """)]
    private static partial Regex Series();
}
