using System.Globalization;
using Klinky.Links;
using Klinky.Validation;
using Microsoft.Build.Framework;

namespace Klinky.Build.Links;

/// <summary>
/// Turns <c>KlinkyPreviewLink</c> and <c>KlinkyVariant</c> items into link definitions. Every rule of the API is checked
/// by Core's <see cref="LinkValidator"/>; this class only adds what is specific to items (a variant naming a link that
/// does not exist, a weight that is not a number) and says which item is at fault.
/// </summary>
internal static class PreviewLinkItemReader
{
    /// <param name="urlSource">The project file's own spelling of each variant's Url, to name a property that was empty.</param>
    public static IReadOnlyList<PreviewLinkDefinition> Read(
        IReadOnlyList<ITaskItem> links, IReadOnlyList<ITaskItem> variants, Func<string, string> slugFor, List<string> errors, VariantUrlSource? urlSource = null)
    {
        var definitions = new List<PreviewLinkDefinition>();
        var linkNames = new HashSet<string>(links.Select(l => l.ItemSpec), StringComparer.OrdinalIgnoreCase);
        foreach (var orphan in variants.Where(v => !linkNames.Contains(v.GetMetadata("Link"))))
        {
            var link = orphan.GetMetadata("Link");
            errors.Add(link.Length == 0
                ? $"KlinkyVariant '{orphan.ItemSpec}' has no Link metadata: set Link to the name of the KlinkyPreviewLink it belongs to."
                : $"KlinkyVariant '{orphan.ItemSpec}' names Link=\"{link}\", but there is no KlinkyPreviewLink Include=\"{link}\".");
        }

        var slugs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in links)
        {
            var name = item.GetMetadata("Name");
            var own = variants.Where(v => string.Equals(v.GetMetadata("Link"), item.ItemSpec, StringComparison.OrdinalIgnoreCase)).ToList();
            var parsed = ReadVariants(item.ItemSpec, own, errors);
            var explicitSlug = item.GetMetadata("Slug");
            var slug = explicitSlug.Length > 0 ? explicitSlug : slugFor(item.ItemSpec);
            if (slugs.TryGetValue(slug, out var other))
            {
                errors.Add($"KlinkyPreviewLink '{item.ItemSpec}' and '{other}' both resolve to the slug '{slug}': give one of them a Slug metadata.");
                continue;
            }

            slugs[slug] = item.ItemSpec;
            if (parsed is null)
            {
                continue;
            }

            var definition = new PreviewLinkDefinition(item.ItemSpec, name.Length > 0 ? name : item.ItemSpec, slug, parsed);
            var problems = LinkValidator.Validate(new CreateLinkRequest(definition.Name, definition.Variants) { Slug = definition.Slug });
            if (problems.Count == 0)
            {
                definitions.Add(definition);
            }

            errors.AddRange(problems.Select(p => $"KlinkyPreviewLink '{item.ItemSpec}': {Describe(p, definition.Variants, item.ItemSpec, urlSource)}."));
        }

        return definitions;
    }

    private static List<Variant>? ReadVariants(string linkName, IReadOnlyList<ITaskItem> items, List<string> errors)
    {
        if (items.Count == 0)
        {
            errors.Add($"KlinkyPreviewLink '{linkName}' has no variants: add KlinkyVariant items with Link=\"{linkName}\", Url and Weight.");
            return null;
        }

        var variants = new List<Variant>();
        var valid = true;
        foreach (var item in items)
        {
            var weightText = item.GetMetadata("Weight");
            int weight;
            if (weightText.Length == 0 && items.Count == 1)
            {
                // A single destination takes all the traffic: the weight adds nothing.
                weight = LinkRules.WeightTotal;
            }
            else if (!int.TryParse(weightText, NumberStyles.Integer, CultureInfo.InvariantCulture, out weight))
            {
                errors.Add(weightText.Length == 0
                    ? $"KlinkyVariant '{item.ItemSpec}' of link '{linkName}' has no Weight: give each variant a whole number 0-100, the weights summing to 100."
                    : $"KlinkyVariant '{item.ItemSpec}' of link '{linkName}' has Weight=\"{weightText}\", which is not a whole number 0-100.");
                valid = false;
                continue;
            }

            variants.Add(new Variant(item.ItemSpec, item.GetMetadata("Url"), weight));
        }

        return valid ? variants : null;
    }

    // "variants[1].weight: ..." reads better with the variant's own name beside its index.
    private static string Describe(KlinkyFieldError error, IReadOnlyList<Variant> variants, string linkName, VariantUrlSource? urlSource)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            var prefix = $"variants[{i}]";
            if (error.Field.StartsWith(prefix, StringComparison.Ordinal))
            {
                var hint = error.Field.EndsWith("destination_url", StringComparison.Ordinal) ? urlSource?.Hint(linkName, variants[i].Label, variants[i].DestinationUrl) : null;
                return $"variant '{variants[i].Label}' ({error.Field}): {error.Message}{(hint is null ? "" : "; " + hint)}";
            }
        }

        return error.ToString();
    }
}
