using Klinky.Build.Links;
using Klinky.Links;

namespace Klinky.Build.Tests.Links;

public sealed class IdempotencyKeysTests
{
    [Fact]
    public void For_SameLinkTwice_GivesTheSameKey()
    {
        Assert.Equal(IdempotencyKeys.For(Definition(50)), IdempotencyKeys.For(Definition(50)));
    }

    [Fact]
    public void For_OtherWeights_GivesAnotherKey()
    {
        // Another body under the same key would be refused with 409: a changed link needs its own key.
        Assert.NotEqual(IdempotencyKeys.For(Definition(50)), IdempotencyKeys.For(Definition(60)));
    }

    private static PreviewLinkDefinition Definition(int controlWeight) => new(
        "checkout",
        "Checkout preview",
        "checkout-pr42",
        new[] { new Variant("control", "https://shop.example.com/", controlWeight), new Variant("preview", "https://preview.example.com/", 100 - controlWeight) });
}
