using Klinky.Links;

namespace Klinky.Build.Links;

/// <summary>
/// Brings one link on Klinky to its definition with as few requests as possible: a find by slug, then a create,
/// a variants replacement, a rename, or nothing. An unchanged link costs one request; a new one or one with a single
/// change two; a rename with new variants three.
/// </summary>
internal sealed class PreviewLinkUpserter
{
    private readonly KlinkyClient _client;

    public PreviewLinkUpserter(KlinkyClient client) => _client = client;

    public async Task<UpsertResult> UpsertAsync(PreviewLinkDefinition definition, CancellationToken cancellationToken)
    {
        var existing = await _client.Links.FindBySlugAsync(definition.Slug, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                var request = new CreateLinkRequest(definition.Name, definition.Variants) { Slug = definition.Slug };
                var options = new KlinkyRequestOptions { IdempotencyKey = IdempotencyKeys.For(definition) };
                var created = await _client.Links.CreateAsync(request, options, cancellationToken).ConfigureAwait(false);
                return new UpsertResult(definition, created, UpsertStatus.Created);
            }
            catch (KlinkyConflictException)
            {
                // Another build (a parallel project, a re-run job) took the slug between our find and our create.
                existing = await _client.Links.FindBySlugAsync(definition.Slug, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        var link = existing;
        var changed = false;
        if (!SameVariants(existing.Variants, definition.Variants))
        {
            link = await _client.Links.ReplaceVariantsAsync(existing.Id, definition.Variants, cancellationToken).ConfigureAwait(false);
            changed = true;
        }

        // A rename is a second request, not part of the variants replacement: the contract's PUT /public/links/{id} takes
        // only name, is_active, auto_winner, auto_winner_threshold, conversion_redirect_url and geo_rules, and
        // PUT /public/links/{id}/variants only the bare variants array. So a link whose name and variants both changed
        // costs three requests (find, replace variants, rename); where one of them changed, two.
        if (!string.Equals(existing.Name, definition.Name, StringComparison.Ordinal))
        {
            link = await _client.Links.UpdateAsync(existing.Id, new UpdateLinkRequest { Name = definition.Name }, cancellationToken).ConfigureAwait(false);
            changed = true;
        }

        return new UpsertResult(definition, link, changed ? UpsertStatus.Updated : UpsertStatus.Unchanged);
    }

    // Order matters: the first variant is the control when none is labelled so.
    private static bool SameVariants(IReadOnlyList<Variant> current, IReadOnlyList<Variant> desired) =>
        current.Count == desired.Count
        && current.Zip(desired).All(pair =>
            string.Equals(pair.First.Label, pair.Second.Label, StringComparison.Ordinal)
            && string.Equals(pair.First.DestinationUrl, pair.Second.DestinationUrl, StringComparison.Ordinal)
            && pair.First.Weight == pair.Second.Weight);
}
