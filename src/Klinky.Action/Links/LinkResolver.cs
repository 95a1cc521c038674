using Klinky.Action.Inputs;
using Klinky.Links;
using Klinky.Slugs;

namespace Klinky.Action.Links;

/// <summary>
/// Turns the <c>links</c>, <c>slug-prefix</c> and <c>manifest</c> inputs (or, when none is given, the
/// <see cref="DefaultSelection"/>) into links. Request economy: ids need no lookup (their stats request finds them), and
/// every slug, the prefix and the convention are matched against ONE listing of the account.
/// </summary>
internal sealed class LinkResolver
{
    private readonly KlinkyClient _client;

    public LinkResolver(KlinkyClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <param name="pullRequest">This run's pull request (from its event or <c>pr-number</c>): what the default selection looks for.</param>
    public Task<LinkResolution> ResolveAsync(ActionInputs inputs, string baseDirectory, int? pullRequest, CancellationToken cancellationToken) =>
        ResolveAsync(inputs, Select(inputs, baseDirectory, pullRequest), pullRequest, cancellationToken);

    /// <summary>What the inputs select, from the workspace alone (no request): the manifests, and whether a listing is needed.</summary>
    /// <exception cref="ActionInputException">A matched file is not a manifest.</exception>
    public static LinkSelection Select(ActionInputs inputs, string baseDirectory, int? pullRequest)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var warnings = new List<string>();
        var selectsByDefault = inputs.Links.Count == 0 && inputs.SlugPrefix is null && inputs.Manifest is null;
        var manifestEntries = selectsByDefault
            ? ManifestReader.Read(DefaultSelection.ManifestGlob, baseDirectory, DefaultSelection.ForPullRequest(pullRequest)).Entries.ToList()
            : ReadManifest(inputs.Manifest, baseDirectory, warnings);
        var byConvention = selectsByDefault && manifestEntries.Count == 0 ? pullRequest : null;
        var slugs = inputs.Links.Where(token => !IsId(token)).Concat(manifestEntries.Where(e => string.IsNullOrWhiteSpace(e.Id)).Select(e => e.Slug));
        var needsListing = slugs.Any() || inputs.SlugPrefix is not null || byConvention is not null;
        var createdHere = new Lazy<IReadOnlyList<LinkManifestEntry>>(() => CreatedHere(inputs, baseDirectory, pullRequest, selectsByDefault || inputs.Manifest is not null ? manifestEntries : null));
        return new LinkSelection(manifestEntries, warnings, needsListing, byConvention, createdHere);
    }

    /// <summary>
    /// The selected links whose creation the build's manifest records (created or found, not updated): of the selected manifests, and for <c>links</c> and
    /// <c>slug-prefix</c> those of the manifests Klinky.Build writes by default for this pull request that they name.
    /// </summary>
    private static IReadOnlyList<LinkManifestEntry> CreatedHere(ActionInputs inputs, string baseDirectory, int? pullRequest, IReadOnlyList<LinkManifestEntry>? selected)
    {
        var candidates = selected ?? Array.Empty<LinkManifestEntry>();
        if (inputs.Links.Count > 0 || inputs.SlugPrefix is not null)
        {
            try
            {
                var built = ManifestReader.Read(DefaultSelection.ManifestGlob, baseDirectory, DefaultSelection.ForPullRequest(pullRequest)).Entries;
                candidates = candidates.Concat(built.Where(e => inputs.Links.Any(token => Names(e, token))
                    || (inputs.SlugPrefix is { } prefix && e.Slug.Trim().StartsWith(prefix, StringComparison.Ordinal)))).ToList();
            }
            catch (ActionInputException)
            {
                // Not a manifest of ours: the report has no creation figures to fall back on, which is all this was for.
            }
        }

        return candidates.Where(LinkSelection.WasCreated).ToList();
    }

    private static bool Names(LinkManifestEntry entry, string token) => IsId(token)
        ? string.Equals(entry.Id.Trim(), token, StringComparison.OrdinalIgnoreCase)
        : string.Equals(entry.Slug.Trim(), token, StringComparison.Ordinal);

    /// <param name="selection">What <see cref="Select"/> found in the workspace for these inputs.</param>
    public async Task<LinkResolution> ResolveAsync(ActionInputs inputs, LinkSelection selection, int? pullRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(selection);
        var warnings = selection.Warnings.ToList();
        var selectsByDefault = inputs.Links.Count == 0 && inputs.SlugPrefix is null && inputs.Manifest is null;
        var manifestEntries = selection.ManifestEntries;
        var byConvention = selection.ByConvention;
        var needsListing = selection.NeedsListing;
        var listing = needsListing ? await ListAllAsync(cancellationToken) : null;

        var targets = new List<LinkTarget>();
        var notFound = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(LinkTarget target)
        {
            if (seen.Add(target.Id))
            {
                targets.Add(target);
            }
        }

        foreach (var token in inputs.Links)
        {
            if (IsId(token) && listing is null)
            {
                Add(new LinkTarget(token, null, null, "links"));
                continue;
            }

            var link = listing!.FirstOrDefault(l => IsId(token) ? string.Equals(l.Id, token, StringComparison.OrdinalIgnoreCase) : string.Equals(l.Slug, token, StringComparison.Ordinal));
            if (link is null)
            {
                notFound.Add(token);
            }
            else
            {
                Add(new LinkTarget(link.Id, link, link, "links"));
            }
        }

        if (inputs.SlugPrefix is { } prefix)
        {
            var matches = Matching(listing!, slug => slug.StartsWith(prefix, StringComparison.Ordinal));
            if (matches.Count == 0)
            {
                warnings.Add(DefaultSelection.NoPrefixMatch(prefix, pullRequest));
            }

            matches.ForEach(link => Add(new LinkTarget(link.Id, link, link, "slug-prefix")));
        }

        if (byConvention is { } number)
        {
            Matching(listing!, slug => PullRequestSlugs.BelongsTo(slug, number)).ForEach(link => Add(new LinkTarget(link.Id, link, link, "default")));
        }

        foreach (var entry in manifestEntries)
        {
            if (!string.IsNullOrWhiteSpace(entry.Id))
            {
                var listed = listing?.FirstOrDefault(l => string.Equals(l.Id, entry.Id, StringComparison.OrdinalIgnoreCase));
                var described = FromManifest(entry);
                Add(new LinkTarget(entry.Id.Trim(), listed ?? (described.Variants.Count > 0 ? described : null), listed ?? described, "manifest"));
                continue;
            }

            var bySlug = listing!.FirstOrDefault(l => string.Equals(l.Slug, entry.Slug?.Trim(), StringComparison.Ordinal));
            if (bySlug is null)
            {
                notFound.Add(entry.Slug!.Trim());
            }
            else
            {
                Add(new LinkTarget(bySlug.Id, bySlug, bySlug, "manifest"));
            }
        }

        if (selectsByDefault && targets.Count == 0 && notFound.Count == 0)
        {
            warnings.Add(DefaultSelection.NothingFound(pullRequest));
        }

        return new LinkResolution(targets, notFound, warnings, needsListing);
    }

    /// <summary>Link ids are UUIDs; slugs are at most 32 characters, so the two never collide.</summary>
    public static bool IsId(string token) => Guid.TryParseExact(token, "D", out _);

    private static List<Link> Matching(List<Link> listing, Func<string, bool> slugMatches) =>
        listing.Where(l => slugMatches(l.Slug)).OrderBy(l => l.Slug, StringComparer.Ordinal).ToList();

    private async Task<List<Link>> ListAllAsync(CancellationToken cancellationToken)
    {
        var links = new List<Link>();
        await foreach (var link in _client.Links.ListAllAsync(new LinkListOptions { PerPage = LinkRules.MaxPerPage }, cancellationToken))
        {
            links.Add(link);
        }

        return links;
    }

    private static List<LinkManifestEntry> ReadManifest(string? pattern, string baseDirectory, List<string> warnings)
    {
        if (pattern is null)
        {
            return new List<LinkManifestEntry>();
        }

        var result = ManifestReader.Read(pattern, baseDirectory);
        if (result.Files.Count == 0)
        {
            warnings.Add($"The manifest input '{pattern}' matched no file: did the Klinky.Build step run in this job, and is the path relative to the workspace? "
                + $"Klinky.Build writes it to {DefaultSelection.ManifestGlob} (KlinkyManifestPath); with 'manifest' left empty the action finds it there, or the pull request's links by their slugs.");
        }

        return result.Entries.ToList();
    }

    private static Link FromManifest(LinkManifestEntry entry) => KlinkyModelFactory.Link(
        id: entry.Id!.Trim(),
        // A hand-written manifest may leave these out: JSON null lands in them despite their defaults.
        slug: entry.Slug ?? "",
        name: string.IsNullOrEmpty(entry.Name) ? entry.Slug ?? "" : entry.Name,
        shortUrl: entry.ShortUrl,
        variants: entry.Variants);
}
