namespace Klinky.Stats;

/// <summary>The stats object's <c>significant_since</c>: when the verdict first became significant, and it has stood since.</summary>
public sealed record SignificantSince
{
    /// <summary>The read that first found it, when the surface knew the time.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Visitors in the experiment (all variants) at that read.</summary>
    public long Visitors { get; init; }

    /// <summary>The recommended winner then, which stands.</summary>
    public string Winner { get; init; } = "";
}
