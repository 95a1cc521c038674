using Klinky.Build.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Klinky.Build;

/// <summary>The <c>KlinkyLinkCreated</c> item of a link: the <c>KlinkyPreviewLink</c> name with Id, Slug and ShortUrl metadata.</summary>
internal static class LinkItems
{
    public static ITaskItem From(LinkManifestEntry entry)
    {
        var item = new TaskItem(entry.Item ?? entry.Slug);
        item.SetMetadata("Id", entry.Id);
        item.SetMetadata("Slug", entry.Slug);
        item.SetMetadata("ShortUrl", entry.ShortUrl ?? "");
        item.SetMetadata("Name", entry.Name);
        item.SetMetadata("Status", entry.Status);
        return item;
    }
}
