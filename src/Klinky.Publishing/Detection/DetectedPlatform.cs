namespace Klinky.Publishing.Detection;

/// <summary>
/// Where the run is and how to post there; dispose it to release the platform's HTTP client. It carries no CI context:
/// that type is shared source, internal to each product, so the caller reads its own from the same environment.
/// </summary>
public sealed class DetectedPlatform : IDisposable
{
    public DetectedPlatform(PlatformKind kind, IReportPlatform platform, string? runUrl)
    {
        Kind = kind;
        Platform = platform;
        RunUrl = runUrl;
    }

    public PlatformKind Kind { get; }

    public IReportPlatform Platform { get; }

    /// <summary>The run's page: the gate's target when the report has no URL of its own.</summary>
    public string? RunUrl { get; }

    public void Dispose() => (Platform as IDisposable)?.Dispose();
}
