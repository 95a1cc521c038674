using Klinky.Stats;

namespace Klinky.Reporting;

/// <summary>
/// A link's verdict in the Markdown report's own words, as plain text: what a console shows above a stats table
/// (Get-KlinkyStats) and what a refused Set-KlinkyWinner gives as its reason. One wording, rendered by the report.
/// </summary>
public static class VerdictText
{
    /// <summary>
    /// The headline of the link's report section without Markdown or its leading symbol, e.g. "Collecting data: 100 more
    /// clicks per variant needed (…)." or "No significant difference yet. variant_b leads with +62.4% vs control (…)."
    /// </summary>
    public static string For(LinkStats stats)
    {
        if (stats is null)
        {
            throw new ArgumentNullException(nameof(stats));
        }

        var text = MarkdownText.ToPlain(LinkVerdict.Render(stats, LinkSection.DeclaredWinner(stats)));

        // The headline opens with one symbol and a space (⏳, ⚖️, 🏆 ...): a console may not draw it, so it goes.
        var space = text.IndexOf(' ');
        return space > 0 && !text.Substring(0, space).Any(char.IsLetterOrDigit) ? text.Substring(space + 1) : text;
    }
}
