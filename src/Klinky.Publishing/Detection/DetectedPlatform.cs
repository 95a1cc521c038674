using Klinky.Ci;

namespace Klinky.Publishing.Detection;

/// <summary>Where the run is (Core's CI context) and how to post there; dispose it to release the platform's HTTP client.</summary>
public sealed class DetectedPlatform : IDisposable
{
    public DetectedPlatform(PlatformKind kind, CiContext context, IReportPlatform platform, string? runUrl)
    {
        Kind = kind;
        Context = context;
        Platform = platform;
        RunUrl = runUrl;
    }

    public PlatformKind Kind { get; }

    public CiContext Context { get; }

    public IReportPlatform Platform { get; }

    /// <summary>The run's page: the gate's target when the report has no URL of its own.</summary>
    public string? RunUrl { get; }

    public void Dispose() => (Platform as IDisposable)?.Dispose();
}
