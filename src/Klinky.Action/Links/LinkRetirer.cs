using Klinky.Action.Inputs;
using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>
/// Ends a closed pull request's links (<c>on-close</c>): one request per link, through Core's update
/// (<c>is_active: false</c>) or delete. A link the listing already shows as off costs nothing; a link that is gone
/// is reported, not an error (a re-run of the same close event finds them deleted).
/// </summary>
internal sealed class LinkRetirer
{
    private readonly KlinkyClient _client;

    public LinkRetirer(KlinkyClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    public async Task<RetireResult> RetireAsync(IReadOnlyList<LinkTarget> targets, OnCloseMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (mode == OnCloseMode.Off)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), "on-close: off retires nothing.");
        }

        var changed = new List<string>();
        var alreadyOff = new List<string>();
        var notFound = new List<string>();
        foreach (var target in targets)
        {
            if (mode == OnCloseMode.Deactivate && target.Link is { IsActive: false })
            {
                alreadyOff.Add(target.Display);
                continue;
            }

            try
            {
                if (mode == OnCloseMode.Delete)
                {
                    await _client.Links.DeleteAsync(target.Id, cancellationToken);
                }
                else
                {
                    await _client.Links.UpdateAsync(target.Id, new UpdateLinkRequest { IsActive = false }, cancellationToken);
                }

                changed.Add(target.Display);
            }
            catch (KlinkyNotFoundException)
            {
                notFound.Add(target.Display);
            }
        }

        return new RetireResult(mode, changed, alreadyOff, notFound);
    }
}
