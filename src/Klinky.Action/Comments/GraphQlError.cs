namespace Klinky.Action.Comments;

/// <summary>One entry of a GraphQL answer's <c>errors</c>.</summary>
internal sealed class GraphQlError
{
    public string? Message { get; set; }
}
