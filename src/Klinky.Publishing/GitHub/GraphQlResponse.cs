namespace Klinky.Publishing.GitHub;

/// <summary>The part of a GraphQL answer the action reads: its errors (the data of a mutation is not needed).</summary>
public sealed class GraphQlResponse
{
    public IReadOnlyList<GraphQlError>? Errors { get; set; }
}
