using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Errors;

namespace Klinky.PowerShell.Targets;

/// <summary>
/// How every cmdlet that names a link finds it, by -Id or by -Slug. An -Id that is not a link id (a UUID) is refused
/// before any request, pointing at -Slug when it looks like one. A slug costs at most one request: none when this
/// session already holds the link (a slug never changes: the API has no route to change it), else the list route's
/// exact <c>slug</c> filter; a wildcard lists with the <c>search</c> filter narrowed to the pattern's longest literal part
/// (servers without the filters answer everything, which is then filtered here).
/// </summary>
internal static class LinkTargets
{
    public const string IdSet = "Id";
    public const string SlugSet = "Slug";

    /// <summary>The targets of -Id (when <paramref name="bySlug"/> is false) or of -Slug; errors are written, not thrown.</summary>
    public static IEnumerable<LinkTarget> Of(KlinkyCmdlet cmdlet, bool bySlug, IEnumerable<string> ids, IEnumerable<string> slugs)
    {
        if (!bySlug)
        {
            foreach (var id in ids)
            {
                if (CheckId(cmdlet, id))
                {
                    yield return new LinkTarget(id, SeenLinks.Find(id));
                }
            }

            yield break;
        }

        foreach (var slug in slugs)
        {
            foreach (var link in Find(cmdlet, slug, useSeen: true))
            {
                yield return new LinkTarget(link.Id, link);
            }
        }
    }

    /// <summary>True for a link id; else writes an error naming -Id that says what was given.</summary>
    public static bool CheckId(KlinkyCmdlet cmdlet, string id)
    {
        if (Guid.TryParse(id, out _))
        {
            return true;
        }

        cmdlet.WriteError(KlinkyErrorRecords.NotALinkId(id, LooksLikeSlug(id)));
        return false;
    }

    /// <summary>The links a -Slug names: exactly one for an exact slug (an error when none has it), the matches of a wildcard.</summary>
    /// <param name="useSeen">True to take a link this session already holds instead of asking (when only its id is needed).</param>
    public static IReadOnlyList<Link> Find(KlinkyCmdlet cmdlet, string slug, bool useSeen)
    {
        if (WildcardPattern.ContainsWildcardCharacters(slug))
        {
            var pattern = new WildcardPattern(slug, WildcardOptions.IgnoreCase);
            var options = new LinkListOptions { Search = SearchText(slug) };
            return cmdlet.TryRun((client, ct) => CollectAsync(client.Links.ListAllAsync(options, ct), pattern), slug, out var matches)
                ? matches
                : Array.Empty<Link>();
        }

        if (useSeen && SeenLinks.FindBySlug(slug) is { } seen)
        {
            return new[] { seen };
        }

        if (!cmdlet.TryRun((client, ct) => client.Links.FindBySlugAsync(slug, ct), slug, out var found))
        {
            return Array.Empty<Link>();
        }

        if (found is null)
        {
            cmdlet.WriteError(KlinkyErrorRecords.NoSuchSlug(slug));
            return Array.Empty<Link>();
        }

        SeenLinks.Remember(found);
        return new[] { found };
    }

    /// <summary>
    /// The longest part of a wildcard pattern that every match contains, for the API's <c>search</c> filter (name or slug
    /// contains it, ignoring case); null when the pattern has none (<c>*</c>).
    /// </summary>
    public static string? SearchText(string pattern)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length)
            {
                current.Append(pattern[++i]);
                continue;
            }

            if (c is '*' or '?' or '[')
            {
                parts.Add(current.ToString());
                current.Clear();
                if (c == '[')
                {
                    // A character class: skip to its end; it stands for one character that is not known here.
                    while (i + 1 < pattern.Length && pattern[i + 1] != ']')
                    {
                        i++;
                    }

                    i++;
                }

                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        var longest = parts.OrderByDescending(p => p.Length).First();
        return longest.Length == 0 ? null : longest;
    }

    private static bool LooksLikeSlug(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '*' or '?');

    private static async Task<IReadOnlyList<Link>> CollectAsync(IAsyncEnumerable<Link> links, WildcardPattern pattern)
    {
        var matches = new List<Link>();
        await foreach (var link in links.ConfigureAwait(false))
        {
            if (pattern.IsMatch(link.Slug))
            {
                SeenLinks.Remember(link);
                matches.Add(link);
            }
        }

        return matches;
    }
}
