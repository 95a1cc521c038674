using Klinky.Http;
using Klinky.Paging;
using Klinky.Validation;

namespace Klinky.Links;

/// <summary><c>/public/links</c>: create, read, list, update, re-weight and delete links.</summary>
public class LinksClient
{
    private readonly KlinkyPipeline _pipeline;

    internal LinksClient(KlinkyPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking.</summary>
    protected LinksClient() => _pipeline = null!;

    /// <summary>Creates a link. Validated first (no request for invalid input); sent with an Idempotency-Key so retries never create twice.</summary>
    public virtual Task<Link> CreateAsync(CreateLinkRequest request, KlinkyRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        LinkValidator.ThrowIfInvalid(LinkValidator.Validate(request), _pipeline.Secret);
        var idempotencyKey = requestOptions?.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        return _pipeline.SendAsync<Link>(new KlinkyRequest(HttpMethod.Post, "public", "links") { Body = request, IdempotencyKey = idempotencyKey }, cancellationToken);
    }

    public virtual Task<Link> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        return _pipeline.SendAsync<Link>(new KlinkyRequest(HttpMethod.Get, "public", "links", id), cancellationToken);
    }

    /// <summary>One page of links.</summary>
    public virtual Task<PagedResult<Link>> ListAsync(LinkListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LinkListOptions();
        Guard.Paging(options.Page, options.PerPage);
        var request = new KlinkyRequest(HttpMethod.Get, "public", "links")
            .With("page", options.Page)
            .With("per_page", options.PerPage)
            .With("slug", options.Slug)
            .With("search", options.Search);
        return _pipeline.SendPageAsync<Link>(request, options.Page, options.PerPage, cancellationToken);
    }

    /// <summary>Every link, fetched a page at a time as the caller enumerates (100 per request unless the options say otherwise).</summary>
    public virtual KlinkyPageable<Link> ListAllAsync(LinkListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LinkListOptions();
        Guard.Paging(options.Page, options.PerPage);
        return new Pageable<Link>(
            (page, perPage, ct) => ListAsync(new LinkListOptions { Page = page, PerPage = perPage, Slug = options.Slug, Search = options.Search }, ct),
            options.Page,
            options.PerPage,
            cancellationToken);
    }

    /// <summary>
    /// The link with this exact slug, or null. Asks with the <c>slug</c> filter (one request where the server has it);
    /// a server without the filter answers the whole list, which is then searched page by page.
    /// </summary>
    public virtual async Task<Link?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        Guard.Id(slug, nameof(slug));
        await foreach (var link in ListAllAsync(new LinkListOptions { Slug = slug }, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(link.Slug, slug, StringComparison.Ordinal))
            {
                return link;
            }
        }

        return null;
    }

    /// <summary>Partial update: only the fields set on <paramref name="request"/> change.</summary>
    public virtual Task<Link> UpdateAsync(string id, UpdateLinkRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        Guard.NotNull(request, nameof(request));
        if (request.IsEmpty)
        {
            // Nothing to change: a request would only spend the budget.
            throw new KlinkyValidationException(new[] { new KlinkyFieldError("request", "sets no field; give at least one of name, is_active, auto_winner, auto_winner_threshold, conversion_redirect_url, geo_rules") });
        }

        LinkValidator.ThrowIfInvalid(LinkValidator.Validate(request), _pipeline.Secret);
        return _pipeline.SendAsync<Link>(new KlinkyRequest(HttpMethod.Put, "public", "links", id) { Body = request }, cancellationToken);
    }

    /// <summary>Replaces all of a link's variants (also how weights are changed).</summary>
    public virtual Task<Link> ReplaceVariantsAsync(string id, IReadOnlyList<Variant> variants, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        LinkValidator.ThrowIfInvalid(LinkValidator.ValidateVariants(variants), _pipeline.Secret);
        return _pipeline.SendAsync<Link>(new KlinkyRequest(HttpMethod.Put, "public", "links", id, "variants") { Body = variants }, cancellationToken);
    }

    /// <summary>Soft delete: the link stops redirecting and leaves listings.</summary>
    public virtual Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        return _pipeline.SendAsync(new KlinkyRequest(HttpMethod.Delete, "public", "links", id), cancellationToken);
    }
}
