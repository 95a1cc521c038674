using Octokit;
using Octokit.Internal;

namespace Klinky.Action.Comments;

/// <summary>Builds Octokit's client on <c>GITHUB_API_URL</c>, so GitHub Enterprise Server and the tests' fake both work.</summary>
public static class GitHubClientFactory
{
    public static GitHubClient Create(string apiUrl, string token, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiUrl);
        ArgumentException.ThrowIfNullOrEmpty(token);

        // The trailing slash matters: without it a base such as https://ghe.example/api/v3 loses its last segment, and
        // the GitHubClient(product, uri) constructor would append /api/v3/ to any host other than github.com.
        var baseAddress = new Uri(apiUrl.TrimEnd('/') + "/");
        var connection = new Connection(new ProductHeaderValue("klinky-action", version), baseAddress, new InMemoryCredentialStore(new Credentials(token)));
        return new GitHubClient(connection);
    }
}
