using System.Management.Automation;
using Klinky.PowerShell.Errors;
using Klinky.PowerShell.Stats;
using Klinky.Stats;

namespace Klinky.PowerShell.Reporting;

/// <summary>What the report cmdlets (ConvertTo-KlinkyMarkdown, Publish-KlinkyReport) take from the pipeline: Get-KlinkyStats output.</summary>
internal static class ReportInput
{
    /// <summary>
    /// Adds the link of <paramref name="item"/> (a stats row or a stats object) to <paramref name="links"/> once, in the order
    /// first seen (rows of one link share its stats object). Returns the error to write for anything else, or null.
    /// </summary>
    public static ErrorRecord? Collect(object? item, List<LinkStats> links, string cmdlet)
    {
        var stats = (item is PSObject ps ? ps.BaseObject : item) switch
        {
            KlinkyVariantStats row => row.Stats,
            LinkStats linkStats => linkStats,
            _ => null,
        };
        if (stats is null)
        {
            return new ErrorRecord(
                new PSArgumentException($"{cmdlet} takes the output of Get-KlinkyStats, not a {item?.GetType().Name ?? "null"}.", "InputObject"),
                KlinkyErrorIds.InvalidArgument,
                ErrorCategory.InvalidArgument,
                item);
        }

        if (!links.Any(known => ReferenceEquals(known, stats)))
        {
            links.Add(stats);
        }

        return null;
    }
}
