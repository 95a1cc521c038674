using Klinky.Links;
using Klinky.Validation;

namespace Klinky.Tests.Validation;

public class LinkValidatorTests
{
    private static readonly Variant Control = new("control", "https://example.com/a", 50);
    private static readonly Variant B = new("variant_b", "https://example.com/b", 50);

    private static IReadOnlyList<string> Errors(CreateLinkRequest request) =>
        LinkValidator.Validate(request).Select(e => e.ToString()).ToList();

    [Fact]
    public void Validate_ValidTwoVariantLink_HasNoErrors() =>
        Assert.Empty(Errors(new CreateLinkRequest("Checkout", new[] { Control, B }) { Slug = "checkout-pr42" }));

    [Fact]
    public void Validate_SingleDestinationAtWeight100_IsAccepted() =>
        Assert.Empty(Errors(new CreateLinkRequest("Single", new[] { new Variant("only", "https://example.com", 100) })));

    [Fact]
    public void Validate_WeightsNotSummingTo100_NamesTheLastWeightAndTheSum() =>
        Assert.Contains("variants[1].weight: weights sum to 90, they must sum to 100", Errors(new CreateLinkRequest("x", new[] { Control, new Variant("b", "https://b.example", 40) })));

    [Theory]
    [InlineData("", "name: is required (1-100 characters)")]
    [InlineData("   ", "name: is required (1-100 characters)")]
    public void Validate_EmptyName_IsRejected(string name, string expected) =>
        Assert.Contains(expected, Errors(new CreateLinkRequest(name, new[] { Control, B })));

    [Fact]
    public void Validate_NameOver100Characters_IsRejected() =>
        Assert.Contains("name: is 101 characters long, at most 100 are allowed", Errors(new CreateLinkRequest(new string('n', 101), new[] { Control, B })));

    [Theory]
    [InlineData("ab", "slug: 'ab' is 2 characters long, it must be 3-32")]
    [InlineData("this-slug-is-far-too-long-for-klinky", "slug: 'this-slug-is-far-too-long-for-klinky' is 36 characters long, it must be 3-32")]
    [InlineData("has space", "slug: 'has space' may contain only letters, digits, '-' and '_', and must start with a letter or digit")]
    [InlineData("-leading", "slug: '-leading' may contain only letters, digits, '-' and '_', and must start with a letter or digit")]
    public void Validate_BadSlug_IsRejected(string slug, string expected) =>
        Assert.Contains(expected, Errors(new CreateLinkRequest("x", new[] { Control, B }) { Slug = slug }));

    [Fact]
    public void Validate_NoVariants_IsRejected() =>
        Assert.Contains("variants: at least 1 variant is required (2-5 for an A/B test)", Errors(new CreateLinkRequest("x", Array.Empty<Variant>())));

    [Fact]
    public void Validate_SixVariants_IsRejected()
    {
        var six = Enumerable.Range(0, 6).Select(i => new Variant($"v{i}", "https://example.com", i == 0 ? 50 : 10)).ToList();
        Assert.Contains("variants: 6 variants given, at most 5 are allowed", Errors(new CreateLinkRequest("x", six)));
    }

    [Fact]
    public void Validate_DuplicateLabel_NamesTheSecond() =>
        Assert.Contains("variants[1].label: 'control' is used twice; labels must be unique", Errors(new CreateLinkRequest("x", new[] { Control, new Variant("control", "https://b.example", 50) })));

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/file")]
    [InlineData("javascript:alert(1)")]
    public void Validate_NonHttpUrl_IsRejected(string url) =>
        Assert.Contains($"variants[1].destination_url: '{url}' is not an absolute http(s) URL", Errors(new CreateLinkRequest("x", new[] { Control, new Variant("b", url, 50) })));

    [Theory]
    [InlineData("https://example.com/a\r\nSet-Cookie: x=1", "U+000D at position 22")]
    [InlineData("https://example.com/a\u2028b", "U+2028 at position 22")]
    [InlineData("https://example.com/\u202Egnp.exe", "U+202E at position 21")]
    [InlineData("https://example.com/\u0085", "U+0085 at position 21")]
    public void Validate_UrlWithControlCharacter_IsRejectedNamingTheField(string url, string where) =>
        Assert.Contains($"variants[1].destination_url: contains the control character {where}; control characters, line separators and bidirectional controls are not allowed", Errors(new CreateLinkRequest("x", new[] { Control, new Variant("b", url, 50) })));

    [Theory]
    [InlineData("https://ex\u00E4mple.com/", "U+00E4 at position 11", "https://xn--exmple-cua.com/")]
    [InlineData("https://example.com/caf\u00E9", "U+00E9 at position 24", "https://example.com/caf%C3%A9")]
    public void Validate_NonAsciiUrl_IsRejectedWithItsAsciiForm(string url, string where, string ascii) =>
        Assert.Contains($"variants[1].destination_url: contains the non-ASCII character {where}; write the host in punycode (xn--...) and percent-encode the path (e.g. '{ascii}')", Errors(new CreateLinkRequest("x", new[] { Control, new Variant("b", url, 50) })));

    [Fact]
    public void Validate_ConversionRedirectUrlWithLineFeed_NamesThatField() =>
        Assert.Contains(Errors(new CreateLinkRequest("x", new[] { Control, new Variant("b", "https://b.example", 50) }) { ConversionRedirectUrl = "https://example.com/\n" }), e => e.StartsWith("conversion_redirect_url: contains the control character U+000A", StringComparison.Ordinal));

    [Fact]
    public void Validate_UrlOver2048Characters_IsRejected()
    {
        var url = "https://example.com/" + new string('a', 2030);
        Assert.Contains("variants[1].destination_url: is 2050 characters long, at most 2048 are allowed", Errors(new CreateLinkRequest("x", new[] { Control, new Variant("b", url, 50) })));
    }

    [Fact]
    public void Validate_WeightOutOfRange_IsRejected() =>
        Assert.Contains("variants[0].weight: 150 is out of range; a weight is 0-100", Errors(new CreateLinkRequest("x", new[] { new Variant("a", "https://a.example", 150), new Variant("b", "https://b.example", -50) })));

    [Fact]
    public void Validate_ThresholdBelow10_IsRejected() =>
        Assert.Contains("auto_winner_threshold: 9 is below the minimum of 10", Errors(new CreateLinkRequest("x", new[] { Control, B }) { AutoWinnerThreshold = 9 }));

    [Fact]
    public void Validate_GeoRuleNamingUnknownLabel_IsRejected() =>
        Assert.Contains("geo_rules.US: names variant 'nope', which the link does not have", Errors(new CreateLinkRequest("x", new[] { Control, B })
        {
            RoutingType = RoutingTypes.Geo,
            GeoRules = new Dictionary<string, string> { ["US"] = "nope", ["default"] = "control" },
        }));

    [Fact]
    public void Validate_GeoRuleWithBadCountryKey_IsRejected() =>
        Assert.Contains("geo_rules.usa: keys are two-letter upper-case ISO country codes (e.g. 'US') or 'default'", Errors(new CreateLinkRequest("x", new[] { Control, B })
        {
            GeoRules = new Dictionary<string, string> { ["usa"] = "control" },
        }));

    [Fact]
    public void Validate_GeoRoutingWithoutRules_IsRejected() =>
        Assert.Contains("geo_rules: geo routing needs at least one rule (country code or 'default' to a variant label)", Errors(new CreateLinkRequest("x", new[] { Control, B }) { RoutingType = RoutingTypes.Geo }));

    [Fact]
    public void Validate_UnknownRoutingType_IsRejected() =>
        Assert.Contains("routing_type: 'random' is not a routing type; use 'ab_test' or 'geo'", Errors(new CreateLinkRequest("x", new[] { Control, B }) { RoutingType = "random" }));

    [Fact]
    public void Validate_Update_ChecksOnlyTheFieldsSet()
    {
        Assert.Empty(LinkValidator.Validate(new UpdateLinkRequest { IsActive = false }));
        Assert.Equal("name", Assert.Single(LinkValidator.Validate(new UpdateLinkRequest { Name = "" })).Field);
    }
}
