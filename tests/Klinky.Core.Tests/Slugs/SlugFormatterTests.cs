using Klinky.Ci;
using Klinky.Links;
using Klinky.Slugs;
using Klinky.Validation;

namespace Klinky.Tests.Slugs;

public sealed class SlugFormatterTests
{
    private static readonly CiContext PullRequest42 = new()
    {
        Provider = CiProvider.GitHubActions,
        PullRequestNumber = 42,
        Branch = "feature/Login_Page",
        Commit = "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    };

    private static readonly CiContext BranchBuild = new()
    {
        Provider = CiProvider.GitHubActions,
        Branch = "feature/Login_Page",
        Commit = "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    };

    [Fact]
    public void Format_PullRequest_UsesPrNumberAsRef()
    {
        AssertValidSlug("checkout-pr42", SlugFormatter.Format("checkout", PullRequest42));
    }

    [Fact]
    public void Format_BranchWithoutPullRequest_UsesSanitizedBranchAsRef()
    {
        AssertValidSlug("checkout-feature-login_page", SlugFormatter.Format("checkout", BranchBuild));
    }

    [Theory]
    [InlineData("{name}-{pr}", "checkout-42")]
    [InlineData("{name}-{branch}", "checkout-feature-login_page")]
    [InlineData("{name}-{sha}", "checkout-ec26c3e")]
    [InlineData("{name}-{ref}-{sha}", "checkout-pr42-ec26c3e")]
    [InlineData("pr{pr}_{name}", "pr42_checkout")]
    public void Format_CustomFormat_FillsEveryToken(string format, string expected)
    {
        AssertValidSlug(expected, SlugFormatter.Format("checkout", PullRequest42, format));
    }

    [Fact]
    public void Format_NotInCi_DropsTheEmptyRef()
    {
        AssertValidSlug("checkout", SlugFormatter.Format("checkout", CiContext.None));
    }

    [Fact]
    public void Format_TagBuild_UsesTagAsRef()
    {
        var context = new CiContext { Provider = CiProvider.GitHubActions, Tag = "v1.2.0" };

        AssertValidSlug("checkout-v1-2-0", SlugFormatter.Format("checkout", context));
    }

    [Theory]
    [InlineData("{nmae}-{ref}")]
    [InlineData("{name")]
    [InlineData("{}")]
    public void Format_BadToken_ThrowsValidationExceptionNamingTheFormat(string format)
    {
        var ex = Assert.Throws<KlinkyValidationException>(() => SlugFormatter.Format("checkout", PullRequest42, format));

        Assert.Equal("slug_format", Assert.Single(ex.Errors).Field);
        Assert.Contains(format, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Checkout Page", "checkout-page")]
    [InlineData("--feature//Login__Page--", "feature-login__page")]
    [InlineData("_private", "private")]
    [InlineData("Café Crème", "cafe-creme")]
    [InlineData("a - b", "a-b")]
    [InlineData("release/2026.01", "release-2026-01")]
    public void Sanitize_DisallowedRuns_BecomeOneDash(string raw, string expected)
    {
        AssertValidSlug(expected, SlugFormatter.Sanitize(raw));
    }

    [Fact]
    public void Sanitize_LongerThan32_IsCutAndEndsWithHashOfTheUncutSlug()
    {
        var first = SlugFormatter.Sanitize("checkout-feature/very-long-branch-name-for-login-one");
        var second = SlugFormatter.Sanitize("checkout-feature/very-long-branch-name-for-login-two");

        AssertValid(first);
        AssertValid(second);
        Assert.Equal(LinkRules.SlugMaxLength, first.Length);
        Assert.StartsWith("checkout-feature-very-lon-", first, StringComparison.Ordinal);
        Assert.Matches("-[0-9a-f]{6}$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(first, SlugFormatter.Sanitize("checkout-feature/very-long-branch-name-for-login-one"));
    }

    [Fact]
    public void Sanitize_CutAtASeparator_DoesNotLeaveADoubleDash()
    {
        // 24 letters, then a separator exactly where the cut falls.
        var slug = SlugFormatter.Sanitize(new string('a', 24) + "-" + new string('b', 20));

        AssertValid(slug);
        Assert.DoesNotContain("--", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("日本")]
    [InlineData("--")]
    public void Sanitize_TooShort_IsPaddedWithHash(string raw)
    {
        AssertValid(SlugFormatter.Sanitize(raw));
    }

    [Fact]
    public void Sanitize_TooShortInputsThatCleanAlike_StayDistinct()
    {
        Assert.NotEqual(SlugFormatter.Sanitize("é"), SlugFormatter.Sanitize("ü"));
    }

    [Fact]
    public void Format_ManyBranchesOfOneName_AllPassTheApiRulesAndStayDistinct()
    {
        var branches = new[]
        {
            "main", "feature/Login_Page", "dependabot/npm_and_yarn/webpack-5.94.0", "renovate/major-aspnetcore-monorepo",
            "users/jane.doe/experiment-with-a-really-long-branch-name-2026", "fix/ü-umlaut", "x", "release/v10.0.0-preview.7",
            "users/jane.doe/experiment-with-a-really-long-branch-name-2027",
        };

        var slugs = branches.Select(b => SlugFormatter.Format("checkout-homepage", new CiContext { Provider = CiProvider.Generic, Branch = b })).ToList();

        Assert.All(slugs, AssertValid);
        Assert.Equal(slugs.Count, slugs.Distinct(StringComparer.Ordinal).Count());
    }

    private static void AssertValidSlug(string expected, string actual)
    {
        Assert.Equal(expected, actual);
        AssertValid(actual);
    }

    private static void AssertValid(string slug)
    {
        var errors = new List<KlinkyFieldError>();
        LinkValidator.ValidateSlug(slug, errors);
        Assert.True(errors.Count == 0, $"'{slug}': {string.Join("; ", errors)}");
        Assert.Equal(slug.ToLowerInvariant(), slug);
        Assert.False(slug.StartsWith('-') || slug.EndsWith('-'), slug);
    }
}
