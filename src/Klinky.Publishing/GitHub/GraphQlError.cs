namespace Klinky.Publishing.GitHub;

/// <summary>One entry of a GraphQL answer's <c>errors</c>.</summary>
public sealed class GraphQlError
{
    public string? Message { get; set; }
}
