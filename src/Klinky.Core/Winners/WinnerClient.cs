using Klinky.Http;
using Klinky.Links;

namespace Klinky.Winners;

/// <summary><c>POST /public/links/{id}/winner</c>: sends all traffic to one variant.</summary>
public class WinnerClient
{
    private readonly KlinkyPipeline _pipeline;

    internal WinnerClient(KlinkyPipeline pipeline) => _pipeline = pipeline;

    protected WinnerClient() => _pipeline = null!;

    public virtual Task<Link> DeclareAsync(string linkId, string label, CancellationToken cancellationToken = default)
    {
        Guard.Id(linkId, nameof(linkId));
        Guard.Id(label, nameof(label));

        // Declaring the same winner twice has the same effect as once, so the POST is safe to repeat.
        return _pipeline.SendAsync<Link>(new KlinkyRequest(HttpMethod.Post, "public", "links", linkId, "winner") { Body = new DeclareWinnerBody(label), SafeToRepeat = true, OptionalRoute = true }, cancellationToken);
    }

    private sealed record DeclareWinnerBody(string Label);
}
