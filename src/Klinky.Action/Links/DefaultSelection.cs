using Klinky.Links;
using Klinky.Slugs;

namespace Klinky.Action.Links;

/// <summary>
/// What the action reports when no <c>links</c>, <c>slug-prefix</c> or <c>manifest</c> is given: the manifests Klinky.Build
/// wrote for this pull request in this job's workspace when there are any (no listing needed), else the links the one
/// slug convention (<see cref="PullRequestSlugs"/>) names for this pull request. So <c>uses: klinky/action@v1</c> with
/// only <c>api-key</c> reports what the build made, in the same job or another.
/// </summary>
internal static class DefaultSelection
{
    /// <summary>Where Klinky.Build writes its manifest by default: <c>obj/&lt;configuration&gt;/&lt;framework&gt;/klinky-links.json</c> of each project.</summary>
    public const string ManifestGlob = "**/obj/**/klinky-links.json";

    /// <summary>A manifest of another pull request (a workspace kept between runs) is not this run's.</summary>
    public static Func<LinkManifest, bool> ForPullRequest(int? pullRequest) =>
        manifest => manifest.PullRequest is null || manifest.PullRequest == pullRequest;

    public static string NothingFound(int? pullRequest) => pullRequest is { } number
        ? $"The default selection found nothing for pull request #{number}: no Klinky.Build manifest ({ManifestGlob}) of this pull request in the workspace, and no Klinky link whose slug ends in '{PullRequestSlugs.Suffix(number)}' (Klinky.Build's default slugs, {SlugFormatter.DefaultFormat}: {PullRequestSlugs.For("checkout", number)}). {Elsewhere}"
        : $"The default selection has no pull request to look for: this run has none, and no Klinky.Build manifest ({ManifestGlob}) is in the workspace. Set 'pr-number' to the pull request. {Elsewhere}";

    public static string NoPrefixMatch(string prefix, int? pullRequest) =>
        $"No Klinky link's slug starts with '{prefix}'."
        + (pullRequest is { } number ? $" Klinky.Build names this pull request's links {PullRequestSlugs.For("name", number)} ({SlugFormatter.DefaultFormat}, unless KlinkySlugFormat says otherwise): leave 'links', 'slug-prefix' and 'manifest' empty to report them, or give 'manifest' or 'links'." : "");

    /// <summary>How to point the selection elsewhere, by the names the user sets.</summary>
    private const string Elsewhere =
        "To report other links, give the 'manifest' input (the klinky-links.json Klinky.Build wrote, when the build ran in another folder or KlinkyManifestPath moved it), "
        + "'links' (slugs or ids) or 'slug-prefix'; a project with its own KlinkySlugFormat needs one of these.";
}
