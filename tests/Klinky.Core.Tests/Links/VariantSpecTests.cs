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
