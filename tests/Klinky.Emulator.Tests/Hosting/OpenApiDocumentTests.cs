using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Hosting;

/// <summary>The served OpenAPI document against the API manual (docs/api/README.md) and what generated clients rely on.</summary>
public sealed partial class OpenApiDocumentTests : IClassFixture<EmulatorFixture>
{
    private static readonly string[] Methods = { "get", "post", "put", "delete" };
    private readonly EmulatorFixture _fixture;

    public OpenApiDocumentTests(EmulatorFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> ManualRoutes()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (method, path) in ReadManualRoutes())
        {
            rows.Add(method, path);
        }

        return rows;
    }

    [Fact]
    public void Manual_ListsTheFourteenRoutes() => Assert.Equal(14, ReadManualRoutes().Count);

    [Theory]
    [MemberData(nameof(ManualRoutes))]
    public async Task OpenApiDocument_HasEveryRouteOfTheManual(string method, string path)
    {
        var document = await ReadDocumentAsync();

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        Assert.EndsWith("/api/v1", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var operations), $"{path} is missing from the OpenAPI document");
        Assert.True(operations.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is missing from the OpenAPI document");
    }

    [Fact]
    public async Task OpenApiDocument_HasNoRouteTheManualLacks()
    {
        var document = await ReadDocumentAsync();
        var manual = ReadManualRoutes().Select(r => $"{r.Method} {r.Path}").ToHashSet();

        var served = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToList();

        Assert.Equal(14, served.Count);
        Assert.All(served, route => Assert.True(manual.Contains(route), $"{route} is served but not in docs/api/README.md"));
    }

    [Fact]
    public async Task OpenApiDocument_EveryOperation_NeedsTheApiKeyAndDeclaresItsErrors()
    {
        var document = await ReadDocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-API-Key", scheme.GetProperty("name").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        foreach (var (method, path, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "401", "403", "429", "500" })
            {
                Assert.True(responses.TryGetProperty(status, out _), $"{method} {path} does not declare {status}");
            }

            Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _), $"{method} {path}: 429 without Retry-After");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        }
    }

    [Theory]
    [InlineData("/public/links", "get", "page,per_page,slug,search")]
    [InlineData("/public/links/{id}/clicks", "get", "id,page,per_page,start_date,end_date")]
    [InlineData("/public/links/{id}/stats", "get", "id,start_date,end_date")]
    [InlineData("/public/links", "post", "Idempotency-Key")]
    public async Task OpenApiDocument_Operation_DeclaresTheParametersItsHandlerReads(string path, string method, string expected)
    {
        var document = await ReadDocumentAsync();

        var parameters = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

        Assert.Equal(expected.Split(','), parameters);
    }

    [Fact]
    public async Task OpenApiDocument_TimesAreTypedStrings_AndLocHasItems()
    {
        var schemas = (await ReadDocumentAsync()).GetProperty("components").GetProperty("schemas");

        var createdAt = schemas.GetProperty("Link").GetProperty("properties").GetProperty("created_at");
        Assert.Contains("string", createdAt.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("date-time", createdAt.GetProperty("format").GetString());
        var loc = schemas.GetProperty("ValidationError").GetProperty("properties").GetProperty("loc");
        Assert.Equal(2, loc.GetProperty("items").GetProperty("anyOf").GetArrayLength());
    }

    private static List<(string Method, string Path)> ReadManualRoutes()
    {
        var manual = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api", "README.md"));
        return RouteRow().Matches(manual).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => Methods.Contains(o.Name))
            .Select(o => (o.Name, path.Name, o.Value)));

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(_fixture.Emulator.BaseUrl + "/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.ReadJsonAsync(response);
    }

    [GeneratedRegex(@"^\| `(GET|POST|PUT|DELETE) (/public/[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex RouteRow();
}
