using System.Globalization;
using System.Text;
using Klinky.Emulator.Storage;
using Klinky.Stats;
using static Klinky.Emulator.Dashboard.Html;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// The cumulative conversion rate of each variant over time, drawn on the server as SVG (no script, no charting library, nothing
/// to vendor). Around each variant that is not the control, its always-valid band: control's rate plus Core's always-valid
/// interval for the difference (<see cref="AlwaysValidTest.DifferenceInterval"/>). While the band holds control's line the
/// difference is not established; once the band leaves it, it is, and peeking at it earlier did not change that.
/// </summary>
internal static class ConversionChart
{
    private const double Width = 720, Height = 300, Left = 56, Right = 16, Top = 16, Bottom = 40;
    private static readonly string[] Colours = { "#1d4ed8", "#c2410c", "#047857", "#7e22ce", "#b91c1c", "#0e7490" };
    private static readonly string[] Dashes = { "", "8 4", "2 3", "10 3 2 3", "4 4", "1 2" };

    public static int Count => Colours.Length;

    public static string ColourOf(int index) => Colours[index % Colours.Length];

    public static string Render(LinkRecord link, IReadOnlyList<TimelineBucket> buckets)
    {
        if (buckets.Count == 0)
        {
            return """<p class="muted" id="chart-empty">No clicks yet: the chart starts with the first visitor.</p>""";
        }

        var times = buckets.Select(b => b.End).Distinct().Order().ToList();
        var labels = link.Variants.Select(v => v.Label).ToList();
        var control = labels[ControlVariant.IndexOf(link.Variants.Select(v => new VariantCounts(v.Label, v.Weight, 0, 0)).ToList())];
        var series = Cumulative(link, buckets, times);
        var comparisons = Math.Max(1, labels.Count - 1);
        var bands = new Dictionary<string, List<(int Index, double Low, double High)>>();
        foreach (var label in labels.Where(l => l != control))
        {
            bands[label] = new();
            for (var i = 0; i < times.Count; i++)
            {
                var (v, c) = (series[label][i], series[control][i]);
                if (AlwaysValidTest.DifferenceInterval(v, c, comparisons) is { } interval)
                {
                    var rate = (double)c.Conversions / c.Clicks;
                    bands[label].Add((i, rate + interval.Low, rate + interval.High));
                }
            }
        }

        // The scale follows the rates, not the bands: the first minutes' bands are wide enough to flatten every line, so they
        // are clipped to the plot instead.
        var top = Math.Min(1, Math.Max(0.01, series.Values.SelectMany(s => s).Where(c => c.Clicks > 0).Select(Rate).DefaultIfEmpty(0).Max() * 1.6));
        // To scale in time: two bursts an hour apart are drawn an hour apart, not side by side as two buckets with clicks.
        var span = (times[^1] - times[0]).TotalMilliseconds;
        double X(int i) => span <= 0 ? Left + ((Width - Left - Right) / 2) : Left + ((times[i] - times[0]).TotalMilliseconds * (Width - Left - Right) / span);
        double Y(double rate) => Top + ((1 - (Math.Clamp(rate, 0, top) / top)) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="chart" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet">""");
        svg.Append("""<title id="chart-title">Cumulative conversion rate per variant over time</title>""");
        var last = string.Join("; ", labels.Select(l => $"{l} {Percent(Rate(series[l][^1]))} of {series[l][^1].Clicks} clicks"));
        svg.Append($"""<desc id="chart-desc">{E(last)}. Shaded: the always-valid band of each variant against {E(control)}.</desc>""");
        for (var tick = 0; tick <= 4; tick++)
        {
            var rate = top * tick / 4;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(rate):0.#}" y2="{Y(rate):0.#}" stroke="#d4d4d8" stroke-width="1"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{Y(rate) + 4:0.#}" text-anchor="end" font-size="14" fill="#3f3f46">{(rate * 100).ToString("0.#", CultureInfo.InvariantCulture)}%</text>""");
        }

        // A simulation plays thousands of visitors in a second or two: then the axis needs the milliseconds to say anything.
        var format = times[^1] - times[0] < TimeSpan.FromMinutes(1) ? "HH:mm:ss.fff" : "yyyy-MM-dd HH:mm:ss";
        svg.Append($"""<text x="{Left}" y="{Height - 12}" font-size="14" fill="#3f3f46">{times[0].UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width - Right}" y="{Height - 12}" font-size="14" fill="#3f3f46" text-anchor="end">{times[^1].UtcDateTime.ToString(format, CultureInfo.InvariantCulture)} UTC</text>""");
        for (var v = 0; v < labels.Count; v++)
        {
            var label = labels[v];
            if (bands.TryGetValue(label, out var band) && band.Count > 0)
            {
                var upper = band.Select(b => Point(X(b.Index), Y(b.High)));
                var lower = band.AsEnumerable().Reverse().Select(b => Point(X(b.Index), Y(b.Low)));
                svg.Append($"""<polygon class="band" points="{string.Join(" ", upper.Concat(lower))}" fill="{ColourOf(v)}" fill-opacity="0.15" stroke="none"/>""");
            }

            var points = Enumerable.Range(0, times.Count).Where(i => series[label][i].Clicks > 0).Select(i => Point(X(i), Y(Rate(series[label][i])))).ToList();
            var dash = Dashes[v % Dashes.Length].Length > 0 ? $" stroke-dasharray=\"{Dashes[v % Dashes.Length]}\"" : "";
            svg.Append($"""<polyline class="series" data-label="{E(label)}" points="{string.Join(" ", points)}" fill="none" stroke="{ColourOf(v)}" stroke-width="2.5"{dash}/>""");
        }

        svg.Append("</svg>");
        var legend = string.Join("", labels.Select((l, i) => $"""<li><span class="swatch s{i % Colours.Length}" aria-hidden="true"></span>{E(l)}{(l == control ? " (control)" : "")}</li>"""));
        return $"""<figure class="chart-box">{svg}<figcaption><ul class="legend">{legend}</ul></figcaption></figure>""";
    }

    private static double Rate(VariantCounts counts) => counts.Clicks == 0 ? 0 : (double)counts.Conversions / counts.Clicks;

    private static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");

    private static Dictionary<string, List<VariantCounts>> Cumulative(LinkRecord link, IReadOnlyList<TimelineBucket> buckets, List<DateTimeOffset> times)
    {
        var series = new Dictionary<string, List<VariantCounts>>(StringComparer.Ordinal);
        foreach (var variant in link.Variants)
        {
            var byTime = buckets.Where(b => b.VariantLabel == variant.Label).ToDictionary(b => b.End);
            long clicks = 0, conversions = 0;
            var list = new List<VariantCounts>(times.Count);
            foreach (var time in times)
            {
                if (byTime.TryGetValue(time, out var bucket))
                {
                    clicks += bucket.Clicks;
                    conversions += bucket.Conversions;
                }

                list.Add(new VariantCounts(variant.Label, variant.Weight, clicks, conversions));
            }

            series[variant.Label] = list;
        }

        return series;
    }
}
