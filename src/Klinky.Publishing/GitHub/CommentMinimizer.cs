using Octokit;

namespace Klinky.Publishing.GitHub;

/// <summary>
/// Hides a comment as "outdated" through GraphQL's <c>minimizeComment</c> (REST has no such call): one POST to the
/// GraphQL endpoint, sent through Octokit's connection so it shares the token, the User-Agent and the rate-limit handling.
/// </summary>
public sealed class CommentMinimizer
{
    private const string Mutation = "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }";

    private readonly IConnection _connection;
    private readonly Uri _graphQlUrl;

    public CommentMinimizer(IConnection connection, Uri graphQlUrl)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _graphQlUrl = graphQlUrl ?? throw new ArgumentNullException(nameof(graphQlUrl));
    }

    /// <summary>
    /// The runner's <c>GITHUB_GRAPHQL_URL</c>; else derived from the REST root as GitHub lays them out:
    /// <c>https://api.github.com/graphql</c>, and <c>/api/graphql</c> beside <c>/api/v3</c> on Enterprise Server.
    /// </summary>
    public static Uri GraphQlUrl(string? configured, string restApiUrl)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return new Uri(configured);
        }

        var root = restApiUrl.TrimEnd('/');
        return new Uri(root.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase) ? root.Substring(0, root.Length - "/v3".Length) + "/graphql" : root + "/graphql");
    }

    /// <exception cref="ApiException">GitHub refused the mutation (GraphQL reports errors with status 200: they are raised here too).</exception>
    public async Task MinimizeAsync(string nodeId, CancellationToken cancellationToken)
    {
        Check.NotEmpty(nodeId, nameof(nodeId));

        // A pre-serialized string: Octokit would otherwise rename the body's members to snake_case. A JsonObject, not an
        // anonymous type, so the Native AOT build serializes it without reflection.
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["query"] = Mutation,
            ["variables"] = new System.Text.Json.Nodes.JsonObject { ["id"] = nodeId },
        }.ToJsonString();
        var response = await _connection.Post<GraphQlResponse>(_graphQlUrl, body, "application/json", "application/json", TimeSpan.FromSeconds(100), cancellationToken);
        if (response.Body?.Errors is { Count: > 0 } errors)
        {
            throw new ApiException("GraphQL minimizeComment failed: " + string.Join("; ", errors.Select(e => e.Message)), response.HttpResponse.StatusCode);
        }
    }
}
