using Klinky.Ci;
using Klinky.Links;
using Klinky.Slugs;
using Klinky.Validation;

namespace Klinky.Tests.Slugs;

public sealed class PullRequestSlugsTests
{
    [Fact]
    public void For_ShortName_IsNameDashPrNumber()
    {
        Assert.Equal("checkout-pr7", PullRequestSlugs.For("checkout", 7));
    }

    [Fact]
    public void For_LongName_KeepsThePullRequestSuffixAndStaysValid()
    {
        var one = PullRequestSlugs.For("a-very-long-preview-link-name-for-the-checkout-page", 12345);
        var other = PullRequestSlugs.For("a-very-long-preview-link-name-for-the-checkout-pages", 12345);

        Assert.EndsWith("-pr12345", one, StringComparison.Ordinal);
        Assert.Equal(LinkRules.SlugMaxLength, one.Length);
        Assert.NotEqual(one, other);
        Assert.Empty(LinkValidator.Validate(new CreateLinkRequest("n", new[] { new Variant("a", "https://example.com", 100) }) { Slug = one }));
        Assert.True(PullRequestSlugs.BelongsTo(one, 12345));
    }

    [Fact]
    public void For_NameWithNoSlugCharacters_GetsAHashBeforeTheSuffix()
    {
        var slug = PullRequestSlugs.For("!!!", 3);

        Assert.Matches("^[0-9a-f]{6}-pr3$", slug);
    }

    [Theory]
    [InlineData("checkout-pr7", 7, true)]
    [InlineData("Checkout-PR7", 7, true)]
    [InlineData("checkout-pr17", 7, false)]
    [InlineData("checkout-pr7x", 7, false)]
    [InlineData("pr-7-checkout", 7, false)]
    [InlineData("-pr7", 7, false)]
    public void BelongsTo_MatchesOnlyThatPullRequestsSuffix(string slug, int pullRequest, bool expected)
    {
        Assert.Equal(expected, PullRequestSlugs.BelongsTo(slug, pullRequest));
    }

    [Fact]
    public void SlugFormatter_DefaultFormatWithPullRequest_IsTheConvention()
    {
        var context = new CiContext { Provider = CiProvider.GitHubActions, PullRequestNumber = 9, Branch = "feature/x" };
        var name = "the-name-of-a-preview-link-that-is-too-long";

        Assert.Equal(PullRequestSlugs.For(name, 9), SlugFormatter.Format(name, context));
        Assert.Equal(PullRequestSlugs.For(name, 9), SlugFormatter.Format(name, context, SlugFormatter.DefaultFormat));
        Assert.True(PullRequestSlugs.BelongsTo(SlugFormatter.Format(name, context), 9));
    }

    [Fact]
    public void Suffix_NotAPullRequestNumber_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PullRequestSlugs.Suffix(0));
    }
}
