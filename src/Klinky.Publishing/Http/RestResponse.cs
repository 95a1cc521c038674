using System.Text.Json.Nodes;

namespace Klinky.Publishing.Http;

/// <summary>A successful answer: its JSON (null when empty) and its headers, for paging (continuation token, next page).</summary>
internal sealed record RestResponse(JsonNode? Json, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
