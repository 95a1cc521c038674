namespace Klinky.Docs.Tests.Markdown;

public class GitHubAnchorsTests
{
    // Each pair is what github.com gives the heading (checked against rendered pages of this repository's kind).
    [Theory]
    [InlineData("Get-KlinkyLink", "get-klinkylink")]
    [InlineData("Klinky.Core: the client", "klinkycore-the-client")]
    [InlineData("Forks, and why `pull_request_target` is safe here", "forks-and-why-pull_request_target-is-safe-here")]
    [InlineData("MSBuild: preview links from `dotnet publish` (Klinky.Build)", "msbuild-preview-links-from-dotnet-publish-klinkybuild")]
    [InlineData("🧪 Klinky A/B report", "-klinky-ab-report")]
    [InlineData("The container, and releases", "the-container-and-releases")]
    [InlineData("Links to [the API](api/README.md)", "links-to-the-api")]
    [InlineData("Café  au lait", "café--au-lait")]
    public void Slug_Heading_IsGitHubsAnchor(string heading, string anchor)
    {
        Assert.Equal(anchor, GitHubAnchors.Slug(heading));
    }

    [Fact]
    public void Of_RepeatedHeadingsAndCode_NumbersRepeatsAndIgnoresFencedLines()
    {
        var markdown = "# Title\n## Usage\n```powershell\n# Usage\n## Not a heading\n```\n### Usage\n<a name=\"custom\"></a>\n";

        var anchors = GitHubAnchors.Of(markdown);

        Assert.Equal(new[] { "custom", "title", "usage", "usage-1" }, anchors.Order(StringComparer.Ordinal));
    }
}
