using Klinky.Http;

namespace Klinky.Conversions;

/// <summary><c>POST /public/conversions</c>: the server-side twin of the conversion pixel.</summary>
public class ConversionsClient
{
    private readonly KlinkyPipeline _pipeline;

    internal ConversionsClient(KlinkyPipeline pipeline) => _pipeline = pipeline;

    protected ConversionsClient() => _pipeline = null!;

    public virtual Task<ConversionResult> TrackAsync(TrackConversionRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        Guard.Id(request.ClickId, "click_id");
        Guard.Id(request.Event, "event");

        // With an external_id the server deduplicates, so a retry cannot count the conversion twice.
        var safe = !string.IsNullOrEmpty(request.ExternalId);
        return _pipeline.SendAsync<ConversionResult>(new KlinkyRequest(HttpMethod.Post, "public", "conversions") { Body = request, SafeToRepeat = safe, OptionalRoute = true }, cancellationToken);
    }
}
