namespace Klinky.Reporting;

/// <summary>How <see cref="MarkdownReport.Render"/> lays out a report.</summary>
public sealed class MarkdownReportOptions
{
    /// <summary>GitHub's limit on an issue or pull request comment body.</summary>
    public const int GitHubCommentLimit = 65536;

    /// <summary>The smallest <see cref="MaxLength"/> that still holds the marker, the title and the truncation notice.</summary>
    // Internal: the options check it with an error that names it; a public const would be compiled into callers.
    internal const int MinimumMaxLength = 512;

    public ReportChart Chart { get; init; } = ReportChart.Both;

    /// <summary>When set, <see cref="MarkdownReport.Marker"/> of this key is the first line, so a later run can find and update the comment.</summary>
    public string? CommentKey { get; init; }

    /// <summary>Shown in the footer (the first 7 characters of a hexadecimal SHA).</summary>
    public string? Commit { get; init; }

    /// <summary>Linked from the footer when it is an absolute http(s) URL.</summary>
    public string? RunUrl { get; init; }

    /// <summary>Things the reader should know, e.g. <c>link 'x' not found</c>; shown as a list above the footer.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>When the figures shown were read (the stalest of them); shown in the footer when set.</summary>
    public DateTimeOffset? FiguresAsOf { get; init; }

    /// <summary>The longest report to produce; longer ones are cut, keeping the marker and saying so.</summary>
    public int MaxLength { get; init; } = GitHubCommentLimit;

    public string Title { get; init; } = "Klinky A/B report";
}
