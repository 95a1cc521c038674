using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Klinky.Testing.GitHub;

/// <summary>
/// GraphQL at <c>/api/graphql</c> (beside <c>/api/v3</c>, as on Enterprise Server), answering the one mutation the
/// action sends, <c>minimizeComment</c>, as GitHub does: errors come back with status 200 in <c>errors</c>.
/// </summary>
public sealed partial class FakeGitHub
{
    private async Task<IResult> GraphQlAsync(HttpContext context)
    {
        var token = Authenticate(context);
        if (token is null)
        {
            return Message(401, "Bad credentials");
        }

        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        var query = request.RootElement.GetProperty("query").GetString() ?? "";
        var id = request.RootElement.TryGetProperty("variables", out var variables) && variables.TryGetProperty("id", out var v) ? v.GetString() : null;
        var classifier = Regex.Match(query, @"classifier:\s*([A-Z_]+)").Groups[1].Value;
        if (!query.Contains("minimizeComment", StringComparison.Ordinal) || string.IsNullOrEmpty(classifier))
        {
            return Errors("The fake GitHub answers minimizeComment only.");
        }

        if (token.ReadOnly)
        {
            return Errors(NotAccessible);
        }

        lock (_comments)
        {
            var comment = _comments.FirstOrDefault(c => c.NodeId == id);
            if (comment is null)
            {
                return Errors($"Could not resolve to a node with the global id of '{id}'");
            }

            comment.MinimizedAs = classifier;
        }

        return Results.Json(new { data = new { minimizeComment = new { minimizedComment = new { isMinimized = true } } } });
    }

    private static IResult Errors(string message) =>
        Results.Json(new { data = (object?)null, errors = new[] { new { type = "FORBIDDEN", message } } });
}
