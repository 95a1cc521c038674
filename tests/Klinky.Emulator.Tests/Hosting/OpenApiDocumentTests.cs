using System.Net;
using System.Text.RegularExpressions;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Hosting;

public sealed partial class OpenApiDocumentTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public OpenApiDocumentTests(EmulatorFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> ContractRows()
    {
        var contract = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api", "README.md"));
        var rows = new TheoryData<string, string>();
        foreach (Match match in EndpointRow().Matches(contract))
        {
            rows.Add(match.Groups[1].Value, match.Groups[2].Value);
        }

        return rows;
    }

    [Fact]
    public void Contract_ListsTheElevenEndpointRows() => Assert.Equal(11, ContractRows().Count);

    [Theory]
    [MemberData(nameof(ContractRows))]
    public async Task OpenApiDocument_HasEveryRouteOfTheContract(string method, string path)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(_fixture.Emulator.BaseUrl + "/openapi.json");
        var document = await Api.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        Assert.EndsWith("/api/v1", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var operations), $"{path} is missing from the OpenAPI document");
        Assert.True(operations.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is missing from the OpenAPI document");
    }

    [GeneratedRegex(@"^\| `(GET|POST|PUT|DELETE) (/public/[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex EndpointRow();
}
