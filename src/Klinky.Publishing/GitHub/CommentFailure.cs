using Octokit;

namespace Klinky.Publishing.GitHub;

/// <summary>How a refused comment or status is reported: a warning that lets the job pass, or an error that fails it.</summary>
public sealed record CommentFailure(bool IsError, string Message)
{
    /// <param name="pullRequest">Where the comment was going: <c>owner/name#3</c>, or a commit.</param>
    /// <param name="write">What was being written (default: the pull request's report comment).</param>
    public static CommentFailure Classify(Exception exception, string pullRequest, bool isFork, bool failOnCommentError, GitHubWrite? write = null)
    {
        Check.NotNull(exception, nameof(exception));
        Check.NotEmpty(pullRequest, nameof(pullRequest));
        write ??= GitHubWrite.PullRequestComment;
        var couldNot = $"Could not {write.Attempt} {pullRequest}";

        if (exception is GitHubRateLimitException limited)
        {
            return new CommentFailure(failOnCommentError,
                $"{couldNot}: {limited.Message}. The report is in the job summary; {write.NextRun}.");
        }

        // Octokit's rate-limit exceptions derive from ForbiddenException: a limit is not a missing permission.
        if (exception is RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException)
        {
            return new CommentFailure(failOnCommentError,
                $"{couldNot}: GitHub's API rate limit was reached ({exception.Message}). The report is in the job summary; {write.NextRun}.");
        }

        // A refusing proxy is configuration, like a missing permission: it will not pass on its own.
        if (exception is ApiException { StatusCode: (System.Net.HttpStatusCode)407 } proxy)
        {
            return new CommentFailure(true,
                $"{couldNot}: {proxy.Message}. The report is in the job summary. " +
                "Give the proxy's credentials as http://user:password@host:port in HTTPS_PROXY/HTTP_PROXY (from a secret), or list GitHub's API host in NO_PROXY.");
        }

        if (exception is ForbiddenException forbidden && isFork)
        {
            return new CommentFailure(failOnCommentError,
                $"{couldNot}: GitHub gives workflows of a fork's pull request a read-only token ({forbidden.Message}). " +
                "The report is in the job summary. To comment on forks' pull requests, run the action from a 'workflow_run' workflow " +
                "(see the action's README), or from 'pull_request_target', which is safe for this action because it never checks out or runs the pull request's code.");
        }

        if (exception is ForbiddenException sameRepository)
        {
            return new CommentFailure(true,
                $"{couldNot}: the token may not write there ({sameRepository.Message}). " +
                $"Add 'permissions: {write.Permission}' to the job (or workflow), or pass a token that has it as 'github-token'.");
        }

        var reason = exception is ApiException api ? $"{(int)api.StatusCode} {api.Message}" : exception.Message;
        return new CommentFailure(failOnCommentError,
            $"{couldNot}: {reason}. The report is in the job summary.");
    }
}
