namespace Klinky.Publishing.Http;

/// <summary>How one platform's REST connection authenticates, waits and words its errors.</summary>
internal sealed class RestConnectionOptions
{
    public string Platform { get; init; } = "";

    /// <summary><c>Authorization</c> (Azure DevOps' bearer token) or <c>PRIVATE-TOKEN</c> (GitLab).</summary>
    public string AuthHeader { get; init; } = "";

    public string AuthValue { get; init; } = "";

    public string UserAgent { get; init; } = "";

    /// <summary>The longest rate-limit wait sat out (once) before reporting the limit instead.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Words a refused call: status, what was being done, the platform's own message.</summary>
    public Func<int, string, string, string> Describe { get; init; } = (status, what, detail) => $"{status} while {what}: {detail}";
}
