using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Hosting;

/// <summary>With <c>--profile documented</c> the document describes only what that emulator serves: the D and I routes.</summary>
public sealed class DocumentedOpenApiDocumentTests : IClassFixture<DocumentedProfileFixture>
{
    private readonly DocumentedProfileFixture _fixture;

    public DocumentedOpenApiDocumentTests(DocumentedProfileFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task DocumentedProfile_Document_LeavesOutTheProposedRoutesAndFilters()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(_fixture.Emulator.BaseUrl + "/openapi.json");
        var paths = (await Api.ReadJsonAsync(response)).GetProperty("paths");

        var routes = paths.EnumerateObject().Select(p => p.Name).ToList();
        var listParameters = paths.GetProperty("/public/links").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString());

        Assert.DoesNotContain("/public/links/{id}/stats", routes);
        Assert.DoesNotContain("/public/links/{id}/winner", routes);
        Assert.DoesNotContain("/public/conversions", routes);
        Assert.DoesNotContain("/public/webhooks", routes);
        Assert.Contains("/public/links/{id}/clicks", routes);
        Assert.Equal(new[] { "page", "per_page" }, listParameters);
    }
}
