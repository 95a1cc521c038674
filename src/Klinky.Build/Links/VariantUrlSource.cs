using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Klinky.Build.Links;

/// <summary>
/// The <c>Url</c> of each <c>KlinkyVariant</c> as written in the project file, before MSBuild evaluated it. A task sees
/// only the evaluated value (<c>/checkout</c>); the written one (<c>$(PreviewBaseUrl)/checkout</c>) names the property
/// that was empty, so the error can name it too.
/// </summary>
internal sealed class VariantUrlSource
{
    private static readonly Regex LeadingProperty = new(@"^\$\(\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private readonly Dictionary<string, string> _written;

    private VariantUrlSource(Dictionary<string, string> written) => _written = written;

    /// <summary>The project's variants; none when the file cannot be read (the hint then stays generic).</summary>
    public static VariantUrlSource Load(string? projectFile)
    {
        var written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(projectFile) || !File.Exists(projectFile))
        {
            return new VariantUrlSource(written);
        }

        try
        {
            foreach (var element in XDocument.Load(projectFile).Descendants().Where(e => e.Name.LocalName == "KlinkyVariant"))
            {
                var label = (string?)element.Attribute("Include");
                var link = Value(element, "Link");
                var url = Value(element, "Url");
                if (label is not null && link is not null && url is not null)
                {
                    written[Key(link.Trim(), label.Trim())] = url.Trim();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            // Only a hint is lost.
        }

        return new VariantUrlSource(written);
    }

    /// <summary>Why <paramref name="url"/> is not absolute, by the property the user left empty; null when the URL is absolute.</summary>
    public string? Hint(string link, string label, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return null;
        }

        if (_written.TryGetValue(Key(link, label), out var written) && LeadingProperty.Match(written) is { Success: true } match
            && string.Equals(written.Substring(match.Length), url, StringComparison.Ordinal))
        {
            var property = match.Groups[1].Value;
            return $"its Url is written \"{written}\" and the property {property} is empty: set it to the preview's absolute URL, e.g. -p:{property}=https://pr42.preview.example.com, or in the workflow's publish step";
        }

        return url.StartsWith("/", StringComparison.Ordinal)
            ? "its Url is a path: is a property in front of it empty (for example -p:PreviewBaseUrl)? Give the preview's absolute URL"
            : null;
    }

    private static string Key(string link, string label) => link + "\n" + label;

    private static string? Value(XElement element, string name) =>
        (string?)element.Attribute(name) ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
