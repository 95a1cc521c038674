using Klinky.Build.Manifest;
using Klinky.Links;

namespace Klinky.Build.Tests;

public sealed class LinkItemsTests
{
    [Fact]
    public void From_ValuesWithPercentAndMSBuildCharacters_ComeBackUnchanged()
    {
        var entry = new LinkManifestEntry
        {
            Item = "sale%41;$(x)",
            Id = "lnk_1",
            Slug = "sale-pr42",
            ShortUrl = "https://klinky.io/sale-pr42?utm=a%20b",
            Name = "50% off %41 @home",
            Status = "created",
        };

        var item = LinkItems.From(entry);

        Assert.Equal("sale%41;$(x)", item.ItemSpec);
        Assert.Equal("https://klinky.io/sale-pr42?utm=a%20b", item.GetMetadata("ShortUrl"));
        Assert.Equal("50% off %41 @home", item.GetMetadata("Name"));
        Assert.Equal("sale-pr42", item.GetMetadata("Slug"));
        Assert.Equal("lnk_1", item.GetMetadata("Id"));
    }
}
