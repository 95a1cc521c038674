using Klinky.RateLimits;

namespace Klinky.Publishing.GitHub;

/// <summary>
/// GitHub refused a call for its rate limit (primary or secondary) and the wait was longer than the run sits out.
/// Its own type, so no caller can take it for a missing permission (Octokit derives its rate-limit exceptions from
/// <c>ForbiddenException</c> and reports a 429 as a plain <c>ApiException</c>).
/// </summary>
public sealed class GitHubRateLimitException : Exception
{
    public GitHubRateLimitException(int status, string gitHubMessage, DateTimeOffset resetsAt, TimeSpan maxWait)
        : base($"GitHub's API rate limit was reached ({status}: {gitHubMessage}); it resets at " +
            ResetTime.At(resetsAt) + ", " +
            $"later than the {maxWait.TotalSeconds:0} s the run waits (input 'github-rate-limit-wait')")
    {
        Status = status;
        ResetsAt = resetsAt;
    }

    public int Status { get; }

    public DateTimeOffset ResetsAt { get; }
}
