using Klinky.Action.Reports;
using Klinky.Stats;

namespace Klinky.Action.Runner;

/// <summary>A rendered report: the comment body (with its marker), the job summary (without) and the JSON document.</summary>
internal sealed record ReportBuild(IReadOnlyList<LinkStats> Stats, string Comment, string Summary, ReportDocument Document);
