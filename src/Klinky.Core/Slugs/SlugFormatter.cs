using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Klinky.Ci;
using Klinky.Links;
using Klinky.Validation;

namespace Klinky.Slugs;

/// <summary>
/// Turns a link name and a CI context into a slug the API accepts (<see cref="SlugRules"/>, 3-32 characters), so that
/// each pull request or branch gets its own link and the same build always lands on the same one.
/// </summary>
internal static class SlugFormatter
{
    /// <summary>
    /// <c>{ref}</c> is <c>pr{N}</c> when a pull request number is known, else the branch. With a pull request this format
    /// is <see cref="PullRequestSlugs.For"/>, the convention the action's default selection looks for.
    /// </summary>
    public const string DefaultFormat = "{name}-{ref}";

    internal const int HashLength = 6;

    /// <summary>
    /// Fills <paramref name="format"/> (tokens <c>{name}</c>, <c>{pr}</c>, <c>{branch}</c>, <c>{ref}</c>, <c>{sha}</c>) and sanitizes the result.
    /// </summary>
    /// <exception cref="KlinkyValidationException">The format has an unknown or unclosed token.</exception>
    public static string Format(string name, CiContext context, string? format = null)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(context, nameof(context));
        var template = string.IsNullOrWhiteSpace(format) ? DefaultFormat : format!;
        if (template == DefaultFormat && context.PullRequestNumber is { } pullRequest)
        {
            // The convention every surface shares (the action's default selection finds these): see PullRequestSlugs.
            return PullRequestSlugs.For(name, pullRequest);
        }

        var filled = new StringBuilder();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                filled.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw FormatError(template, "has a '{' without a closing '}'");
            }

            filled.Append(template, position, open - position);
            var token = template.Substring(open + 1, close - open - 1);
            filled.Append(TokenValue(token, name, context) ?? throw FormatError(template, $"has an unknown token '{{{token}}}'; use {{name}}, {{pr}}, {{branch}}, {{ref}} or {{sha}}"));
            position = close + 1;
        }

        return Sanitize(filled.ToString());
    }

    /// <summary>
    /// Lower-cases, turns every run of characters a slug may not hold into one '-', trims separators from both ends, and
    /// fits the length: a longer slug is cut and ends with '-' and a 6-hex-digit hash of the uncut one, so distinct long
    /// inputs stay distinct; a shorter one is padded with a hash.
    /// </summary>
    internal static string Sanitize(string raw)
    {
        Guard.NotNull(raw, nameof(raw));
        var slug = Clean(raw);
        if (slug.Length > LinkRules.SlugMaxLength)
        {
            var kept = slug.Substring(0, LinkRules.SlugMaxLength - HashLength - 1).TrimEnd('-', '_');
            return kept + "-" + Hash(slug);
        }

        if (slug.Length < LinkRules.SlugMinLength)
        {
            // The raw text is hashed: "é" and "ü" both clean to "", and should still get different slugs.
            return slug.Length == 0 ? Hash(raw) : slug + "-" + Hash(raw);
        }

        return slug;
    }

    private static string? TokenValue(string token, string name, CiContext context) => token switch
    {
        "name" => name,
        "pr" => context.PullRequestNumber?.ToString(CultureInfo.InvariantCulture) ?? "",
        "branch" => context.Branch ?? "",
        "sha" => ShortSha(context.Commit),
        "ref" => context.PullRequestNumber is { } number
            ? "pr" + number.ToString(CultureInfo.InvariantCulture)
            : context.Branch ?? context.Tag ?? ShortSha(context.Commit),
        _ => null,
    };

    private static string ShortSha(string? commit) =>
        commit is null ? "" : commit.Substring(0, Math.Min(7, commit.Length));

    internal static string Clean(string raw)
    {
        // Decomposing first keeps the base letter of accented characters: "Café" becomes "cafe", not "caf".
        var decomposed = raw.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (SlugRules.IsAllowed(c) && c != '-')
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingSeparator = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSeparator = true;
            }
        }

        // A slug must start with a letter or digit; '_' is allowed inside only.
        return builder.ToString().Trim('_', '-');
    }

    internal static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(HashLength);
        for (var i = 0; i < HashLength / 2; i++)
        {
            hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static KlinkyValidationException FormatError(string format, string problem) =>
        new(new[] { new KlinkyFieldError("slug_format", $"'{format}' {problem}") });
}
