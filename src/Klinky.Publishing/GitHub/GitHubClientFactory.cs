using Klinky.Http;
using Octokit;
using Octokit.Internal;

namespace Klinky.Publishing.GitHub;

/// <summary>
/// Builds Octokit's client on <c>GITHUB_API_URL</c>, so GitHub Enterprise Server and the tests' fake both work, sending
/// through the proxy that HTTPS_PROXY/HTTP_PROXY/NO_PROXY name by Klinky.Core's rules (the same as for Klinky's
/// traffic), with a proxy's 407 answered as an error that names the proxy and never its credentials.
/// </summary>
public static class GitHubClientFactory
{
    /// <param name="userAgent">The surface's product token (<c>Klinky.Action/1.2.3</c>, <c>Klinky.PowerShell/1.2.3</c>), from
    /// <c>KlinkyUserAgent</c>: GitHub sees which product called, as Klinky does.</param>
    /// <param name="rateLimits">Under Octokit: sits out a short GitHub rate limit once, names a long one (see the handler).</param>
    public static GitHubClient Create(string apiUrl, string token, string userAgent, Func<HttpMessageHandler, GitHubRateLimitHandler> rateLimits)
    {
        Check.NotEmpty(apiUrl, nameof(apiUrl));
        Check.NotEmpty(token, nameof(token));
        Check.NotNull(rateLimits, nameof(rateLimits));

        // The trailing slash matters: without it a base such as https://ghe.example/api/v3 loses its last segment, and
        // the GitHubClient(product, uri) constructor would append /api/v3/ to any host other than github.com.
        var baseAddress = new Uri(apiUrl.TrimEnd('/') + "/");
        var proxy = ProxyRules.Resolve(null);
        var http = new HttpClientAdapter(() => rateLimits(ProxyRules.WithProxyCheck(HttpMessageHandlerFactory.CreateDefault(proxy), proxy)));
        var connection = new Connection(
            Product(userAgent),
            baseAddress,
            new InMemoryCredentialStore(new Credentials(token)),
            http,
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    // Octokit takes the product and its version apart and adds its own token after them.
    private static ProductHeaderValue Product(string userAgent)
    {
        var slash = userAgent.IndexOf('/');
        return slash < 0 ? new ProductHeaderValue(userAgent) : new ProductHeaderValue(userAgent.Substring(0, slash), userAgent.Substring(slash + 1));
    }
}
