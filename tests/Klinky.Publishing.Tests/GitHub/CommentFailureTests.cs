using System.Net;
using Klinky.Publishing.GitHub;
using Octokit;

namespace Klinky.Publishing.Tests.GitHub;

public sealed class CommentFailureTests
{
    private const string Pr = "o/r#3";

    private static ForbiddenException Forbidden() => new(new ForbiddenResponse());

    [Fact]
    public void Fork403_IsAWarningExplainingWorkflowRunAndPullRequestTarget()
    {
        var failure = CommentFailure.Classify(Forbidden(), Pr, isFork: true, failOnCommentError: false);

        Assert.False(failure.IsError);
        Assert.Contains("workflow_run", failure.Message, StringComparison.Ordinal);
        Assert.Contains("pull_request_target", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Resource not accessible by integration", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork403_WithFailOnCommentError_IsAnError() =>
        Assert.True(CommentFailure.Classify(Forbidden(), Pr, isFork: true, failOnCommentError: true).IsError);

    [Fact]
    public void SameRepository403_IsAnErrorNamingThePermission()
    {
        var failure = CommentFailure.Classify(Forbidden(), Pr, isFork: false, failOnCommentError: false);

        Assert.True(failure.IsError);
        Assert.Contains("permissions: pull-requests: write", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimited_IsNotTakenForAMissingPermission()
    {
        var limited = new RateLimitExceededException(new RateLimitedResponse());

        var failure = CommentFailure.Classify(limited, Pr, isFork: false, failOnCommentError: false);

        Assert.False(failure.IsError);
        Assert.Contains("rate limit", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pull-requests: write", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusedStatus_IsNamedAsTheStatus_NotAsAComment()
    {
        var limited = new RateLimitExceededException(new RateLimitedResponse());

        var forbidden = CommentFailure.Classify(Forbidden(), Pr, isFork: false, failOnCommentError: false, GitHubWrite.Status);
        var rateLimited = CommentFailure.Classify(limited, Pr, isFork: false, failOnCommentError: false, GitHubWrite.Status);

        Assert.StartsWith("Could not set the merge gate's status on o/r#3:", forbidden.Message, StringComparison.Ordinal);
        Assert.Contains("permissions: statuses: write", forbidden.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("comment", rateLimited.Message, StringComparison.Ordinal);
        Assert.EndsWith("the next run sets it.", rateLimited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherFailures_AreWarningsUnlessAskedToFail()
    {
        var notFound = new NotFoundException("Not Found", HttpStatusCode.NotFound);

        Assert.False(CommentFailure.Classify(notFound, Pr, false, false).IsError);
        Assert.True(CommentFailure.Classify(notFound, Pr, false, true).IsError);
        Assert.Contains("404", CommentFailure.Classify(notFound, Pr, false, false).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nb\n", "a\nb", true)]
    [InlineData("a", "a  \n", true)]
    [InlineData("a", "b", false)]
    [InlineData(null, "", true)]
    public void SameBody_IgnoresLineEndingsAndTrailingWhitespaceOnly(string? existing, string wanted, bool same) =>
        Assert.Equal(same, Klinky.Publishing.ReportPublisher.SameBody(existing, wanted));
}

/// <summary>GitHub's answer to a write with a read-only token, as Octokit hands it to its exception.</summary>
internal sealed class ForbiddenResponse : IResponse
{
    public object Body => "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\"}";
    public IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>();
    public ApiInfo ApiInfo => null!;
    public HttpStatusCode StatusCode => HttpStatusCode.Forbidden;
    public string ContentType => "application/json";
}

internal sealed class RateLimitedResponse : IResponse
{
    public object Body => "{\"message\":\"API rate limit exceeded\",\"documentation_url\":\"https://docs.github.com/rest\"}";
    public IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>();
    public ApiInfo ApiInfo { get; } = new(new Dictionary<string, Uri>(), new List<string>(), new List<string>(), "", new RateLimit(5000, 0, 1_795_000_000));
    public HttpStatusCode StatusCode => HttpStatusCode.Forbidden;
    public string ContentType => "application/json";
}
