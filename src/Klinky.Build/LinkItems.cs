using System.Text;
using Klinky.Build.Manifest;
using Klinky.Links;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Klinky.Build;

/// <summary>The <c>KlinkyLinkCreated</c> item of a link: the <c>KlinkyPreviewLink</c> name with Id, Slug and ShortUrl metadata.</summary>
internal static class LinkItems
{
    // MSBuild unescapes %XX in what a task hands back, so a name such as "50% off %41" must go back escaped.
    private const string SpecialCharacters = "%*?@$();'";

    public static ITaskItem From(LinkManifestEntry entry)
    {
        var item = new TaskItem(Escape(entry.Item ?? entry.Slug));
        SetLiteral(item, "Id", entry.Id);
        SetLiteral(item, "Slug", entry.Slug);
        SetLiteral(item, "ShortUrl", entry.ShortUrl ?? "");
        SetLiteral(item, "Name", entry.Name);
        SetLiteral(item, "Status", entry.Status);
        return item;
    }

    private static void SetLiteral(TaskItem item, string name, string value) => ((ITaskItem2)item).SetMetadataValueLiteral(name, value);

    private static string Escape(string value)
    {
        if (value.IndexOfAny(SpecialCharacters.ToCharArray()) < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(SpecialCharacters.Contains(c, StringComparison.Ordinal) ? "%" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return escaped.ToString();
    }
}
