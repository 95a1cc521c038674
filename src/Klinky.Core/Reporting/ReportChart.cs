namespace Klinky.Reporting;

/// <summary>Which charts a <see cref="MarkdownReport"/> draws under each link's table.</summary>
public enum ReportChart
{
    /// <summary>Text bars (render everywhere) and a Mermaid chart folded in a <c>&lt;details&gt;</c> block.</summary>
    Both,

    /// <summary>Only the Mermaid <c>xychart-beta</c> chart, shown open (GitHub's mobile app does not render it).</summary>
    Mermaid,

    /// <summary>Only the text bars.</summary>
    Text,

    /// <summary>Tables and verdicts only.</summary>
    None,
}
