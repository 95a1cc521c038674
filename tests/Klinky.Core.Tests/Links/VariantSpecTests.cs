using Klinky.Links;

namespace Klinky.Tests.Links;

public class VariantSpecTests
{
    [Fact]
    public void Parse_TwoEntries_ReadsLabelWeightAndUrl()
    {
        var variants = VariantSpec.Parse("control:50=https://a.example/x variant_b:50=https://b.example/y");

        Assert.Collection(
            variants,
            v => Assert.Equal(("control", 50, "https://a.example/x"), (v.Label, v.Weight, v.DestinationUrl)),
            v => Assert.Equal(("variant_b", 50, "https://b.example/y"), (v.Label, v.Weight, v.DestinationUrl)));
    }

    [Fact]
    public void Parse_UrlWithPortQueryAndEquals_KeepsTheWholeUrl()
    {
        var variants = VariantSpec.Parse("a:100=https://a.example:8443/p?x=1&y=2");

        Assert.Equal("https://a.example:8443/p?x=1&y=2", Assert.Single(variants).DestinationUrl);
    }

    [Theory]
    [InlineData("control:50=https://a.example/a,variant_b:50=https://b.example/b", "variants[0]")]
    [InlineData("control:50=https://a.example,variant_b:50=https://b.example", "variants[0]")]
    [InlineData("control:50=https://a.example/a, variant_b:50=https://b.example/b", "variants[0]")]
    [InlineData("a:40=https://a.example b:30=https://b.example,c:30=https://c.example", "variants[1]")]
    public void TryParse_VariantsJoinedByCommas_IsOneErrorSayingVariantsAreSeparatedBySpaces(string spec, string field)
    {
        Assert.False(VariantSpec.TryParse(spec, out _, out var error));

        Assert.Equal(field, error!.Field);
        Assert.Contains("comma; separate variants with spaces", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a:100=https://a.example/p?ids=1,2,3")]
    [InlineData("a:50=https://a.example/p?x=1,y:2=3 b:50=https://b.example/,")]
    public void TryParse_CommasInsideAUrl_AreKept(string spec)
    {
        Assert.True(VariantSpec.TryParse(spec, out var variants, out var error), error?.ToString());

        Assert.Contains(',', variants[0].DestinationUrl);
    }

    [Fact]
    public void Parse_ExtraWhitespaceAndNewlines_AreSeparators()
    {
        var variants = VariantSpec.Parse("  control:70=https://a.example \n\t b:30=https://b.example  ");

        Assert.Equal(new[] { "control", "b" }, variants.Select(v => v.Label));
    }

    [Theory]
    [InlineData("control=https://a.example", "variants[0]")]
    [InlineData("control:fifty=https://a.example", "variants[0]")]
    [InlineData("control:50", "variants[0]")]
    [InlineData("control:50=", "variants[0]")]
    [InlineData("a:50=https://a.example :50=https://b.example", "variants[1]")]
    [InlineData("   ", "variants")]
    public void Parse_MalformedEntry_ThrowsValidationExceptionNamingTheEntry(string spec, string field)
    {
        var ex = Assert.Throws<KlinkyValidationException>(() => VariantSpec.Parse(spec));

        Assert.Equal(field, Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Parse_WeightsThatDoNotSumTo100_AreLeftToTheValidator()
    {
        var variants = VariantSpec.Parse("a:10=https://a.example b:10=https://b.example");

        Assert.Equal(20, variants.Sum(v => v.Weight));
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var original = new[] { new Variant("control", "https://a.example/x?q=1", 60), new Variant("variant_b", "https://b.example/", 40) };

        var text = VariantSpec.Format(original);

        Assert.Equal("control:60=https://a.example/x?q=1 variant_b:40=https://b.example/", text);
        Assert.Equal(original.Select(v => v.ToString()), VariantSpec.Parse(text).Select(v => v.ToString()));
    }
}
