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
    /// <param name="rateLimits">Under Octokit: sits out a short GitHub rate limit once, names a long one (see the handler).</param>
    public static GitHubClient Create(string apiUrl, string token, string version, Func<HttpMessageHandler, GitHubRateLimitHandler> rateLimits)
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
            new ProductHeaderValue("klinky-action", version),
            baseAddress,
            new InMemoryCredentialStore(new Credentials(token)),
            http,
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
