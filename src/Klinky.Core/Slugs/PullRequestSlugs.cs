using System.Globalization;
using Klinky.Links;
using Klinky.Validation;

namespace Klinky.Slugs;

/// <summary>
/// The one convention for a pull request's preview links, shared by every surface: Klinky.Build names link <c>name</c>
/// of pull request N <c>name-prN</c> (its default <c>KlinkySlugFormat</c>, <c>{name}-{ref}</c>), and the action's default
/// selection reports the links whose slug ends in <c>-prN</c>. A long name is shortened before the suffix, never the
/// suffix itself, so every such link can be found again.
/// </summary>
public static class PullRequestSlugs
{
    /// <summary>What every slug of pull request <paramref name="pullRequest"/> ends with: <c>-pr7</c>.</summary>
    public static string Suffix(int pullRequest)
    {
        if (pullRequest < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pullRequest), pullRequest, "A pull request number is positive.");
        }

        return "-pr" + pullRequest.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The slug of the preview link <paramref name="name"/> for pull request <paramref name="pullRequest"/>: <c>checkout-pr7</c>.</summary>
    public static string For(string name, int pullRequest)
    {
        Guard.NotNull(name, nameof(name));
        var suffix = Suffix(pullRequest);
        var cleaned = SlugFormatter.Clean(name);
        var room = LinkRules.SlugMaxLength - suffix.Length;
        if (cleaned.Length > room)
        {
            // Cut, and keep distinct long names distinct with a hash of the uncut one.
            cleaned = cleaned.Substring(0, room - SlugFormatter.HashLength - 1).TrimEnd('-', '_') + "-" + SlugFormatter.Hash(cleaned);
        }
        else if (cleaned.Length == 0)
        {
            cleaned = SlugFormatter.Hash(name);
        }

        return cleaned + suffix;
    }

    /// <summary>True when <paramref name="slug"/> follows the convention for pull request <paramref name="pullRequest"/> (<c>checkout-pr7</c>, not <c>checkout-pr17</c>).</summary>
    public static bool BelongsTo(string slug, int pullRequest)
    {
        Guard.NotNull(slug, nameof(slug));
        var suffix = Suffix(pullRequest);
        return slug.Length > suffix.Length && slug.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }
}
