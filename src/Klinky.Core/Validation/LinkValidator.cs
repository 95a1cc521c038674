using Klinky.Links;

namespace Klinky.Validation;

/// <summary>
/// The contract's validation rules, in their one home: the client runs them before spending a request,
/// the emulator runs them to answer 422, and the surfaces run them to reject bad input early.
/// Messages name the field and the rule, e.g. <c>variants[1].weight: weights sum to 90, they must sum to 100</c>.
/// </summary>
internal static class LinkValidator
{
    public static IReadOnlyList<KlinkyFieldError> Validate(CreateLinkRequest request)
    {
        var errors = new List<KlinkyFieldError>();
        ValidateName(request.Name, errors);
        if (request.Slug is not null)
        {
            ValidateSlug(request.Slug, errors);
        }

        ValidateVariants(request.Variants, errors);
        var routing = request.RoutingType ?? RoutingTypes.AbTest;
        if (routing is not RoutingTypes.AbTest and not RoutingTypes.Geo)
        {
            errors.Add(new("routing_type", $"'{routing}' is not a routing type; use '{RoutingTypes.AbTest}' or '{RoutingTypes.Geo}'"));
        }

        ValidateThreshold(request.AutoWinnerThreshold, errors);
        ValidateGeoRules(request.GeoRules, request.Variants, errors);
        if (routing == RoutingTypes.Geo && (request.GeoRules is null || request.GeoRules.Count == 0))
        {
            errors.Add(new("geo_rules", "geo routing needs at least one rule (country code or 'default' to a variant label)"));
        }

        ValidateOptionalUrl("conversion_redirect_url", request.ConversionRedirectUrl, errors);
        return errors;
    }

    /// <summary>Rules for a partial update; <paramref name="currentVariants"/> lets geo rules be checked against the link's labels.</summary>
    public static IReadOnlyList<KlinkyFieldError> Validate(UpdateLinkRequest request, IReadOnlyList<Variant>? currentVariants = null)
    {
        var errors = new List<KlinkyFieldError>();
        if (request.Name is not null)
        {
            ValidateName(request.Name, errors);
        }

        ValidateThreshold(request.AutoWinnerThreshold, errors);
        if (currentVariants is not null)
        {
            ValidateGeoRules(request.GeoRules, currentVariants, errors);
        }

        ValidateOptionalUrl("conversion_redirect_url", request.ConversionRedirectUrl, errors);
        return errors;
    }

    public static IReadOnlyList<KlinkyFieldError> ValidateVariants(IReadOnlyList<Variant>? variants)
    {
        var errors = new List<KlinkyFieldError>();
        ValidateVariants(variants, errors);
        return errors;
    }

    /// <summary>Throws for any error, with <paramref name="secret"/> (the API key) taken out of every message.</summary>
    internal static void ThrowIfInvalid(IReadOnlyList<KlinkyFieldError> errors, string? secret)
    {
        if (errors.Count > 0)
        {
            // A key pasted into the wrong field (a destination URL, a slug) would otherwise be quoted back.
            throw new KlinkyValidationException(errors.Select(e => new KlinkyFieldError(e.Field, Http.SecretRedactor.Redact(e.Message, secret))).ToList());
        }
    }

    internal static void ValidateName(string? name, List<KlinkyFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", "is required (1-100 characters)"));
        }
        else if (name!.Length > LinkRules.NameMaxLength)
        {
            errors.Add(new("name", $"is {name.Length} characters long, at most {LinkRules.NameMaxLength} are allowed"));
        }
    }

    internal static void ValidateSlug(string slug, List<KlinkyFieldError> errors)
    {
        if (slug.Length is < LinkRules.SlugMinLength or > LinkRules.SlugMaxLength)
        {
            errors.Add(new("slug", $"'{slug}' is {slug.Length} characters long, it must be {LinkRules.SlugMinLength}-{LinkRules.SlugMaxLength}"));
        }
        else if (!SlugRules.IsValidCharacters(slug))
        {
            errors.Add(new("slug", $"'{slug}' may contain only letters, digits, '-' and '_', and must start with a letter or digit"));
        }
    }

    private static void ValidateVariants(IReadOnlyList<Variant>? variants, List<KlinkyFieldError> errors)
    {
        if (variants is null || variants.Count < LinkRules.MinVariants)
        {
            errors.Add(new("variants", $"at least {LinkRules.MinVariants} variant is required (2-5 for an A/B test)"));
            return;
        }

        if (variants.Count > LinkRules.MaxVariants)
        {
            errors.Add(new("variants", $"{variants.Count} variants given, at most {LinkRules.MaxVariants} are allowed"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            var field = $"variants[{i}]";
            if (variant is null)
            {
                errors.Add(new(field, "is null"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(variant.Label))
            {
                errors.Add(new(field + ".label", $"is required (1-{LinkRules.LabelMaxLength} characters)"));
            }
            else if (variant.Label.Length > LinkRules.LabelMaxLength)
            {
                errors.Add(new(field + ".label", $"is {variant.Label.Length} characters long, at most {LinkRules.LabelMaxLength} are allowed"));
            }
            else if (!seen.Add(variant.Label))
            {
                errors.Add(new(field + ".label", $"'{variant.Label}' is used twice; labels must be unique"));
            }

            ValidateUrl(field + ".destination_url", variant.DestinationUrl, errors);
            if (variant.Weight is < 0 or > LinkRules.WeightTotal)
            {
                errors.Add(new(field + ".weight", $"{variant.Weight} is out of range; a weight is 0-100"));
            }
        }

        var sum = variants.Where(v => v is not null).Sum(v => (long)v.Weight);
        if (sum != LinkRules.WeightTotal)
        {
            errors.Add(new($"variants[{variants.Count - 1}].weight", $"weights sum to {sum}, they must sum to {LinkRules.WeightTotal}"));
        }
    }

    private static void ValidateThreshold(int? threshold, List<KlinkyFieldError> errors)
    {
        if (threshold is < LinkRules.MinAutoWinnerThreshold)
        {
            errors.Add(new("auto_winner_threshold", $"{threshold} is below the minimum of {LinkRules.MinAutoWinnerThreshold}"));
        }
    }

    private static void ValidateGeoRules(IReadOnlyDictionary<string, string>? rules, IReadOnlyList<Variant>? variants, List<KlinkyFieldError> errors)
    {
        if (rules is null)
        {
            return;
        }

        var labels = new HashSet<string>((variants ?? Array.Empty<Variant>()).Where(v => v is not null).Select(v => v.Label), StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var isCountry = rule.Key.Length == 2 && rule.Key.All(c => c is >= 'A' and <= 'Z');
            if (!isCountry && rule.Key != LinkRules.DefaultGeoRule)
            {
                errors.Add(new($"geo_rules.{rule.Key}", "keys are two-letter upper-case ISO country codes (e.g. 'US') or 'default'"));
            }

            if (!labels.Contains(rule.Value))
            {
                errors.Add(new($"geo_rules.{rule.Key}", $"names variant '{rule.Value}', which the link does not have"));
            }
        }
    }

    private static void ValidateOptionalUrl(string field, string? url, List<KlinkyFieldError> errors)
    {
        if (url is not null)
        {
            ValidateUrl(field, url, errors);
        }
    }

    private static void ValidateUrl(string field, string? url, List<KlinkyFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add(new(field, "is required: an absolute http(s) URL"));
        }
        else if (url!.Length > LinkRules.UrlMaxLength)
        {
            errors.Add(new(field, $"is {url.Length} characters long, at most {LinkRules.UrlMaxLength} are allowed"));
        }
        else if (UrlCharacterRules.Problem(url) is { } problem)
        {
            errors.Add(new(field, problem));
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(new(field, $"'{url}' is not an absolute http(s) URL"));
        }
    }
}
