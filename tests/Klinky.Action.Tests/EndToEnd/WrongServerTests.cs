using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>The action pointed at servers that are not a Klinky API: each failure is one annotation that says so.</summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class WrongServerTests
{
    private readonly ActionEndToEndFixture _fixture;

    public WrongServerTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    private static string[] Errors(ActionResult result) =>
        result.Stdout.Split('\n').Where(l => l.StartsWith("::error", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task BaseUrlWithoutApiV1_OneAnnotationNamesTheBaseUrl_ExitsOne()
    {
        // The emulator's root: a real server whose 404 is the framework's, not Klinky's "Link not found".
        using var sandbox = _fixture.Sandbox(230, _fixture.UserToken).WithInput("links", "e2e-root").WithInput("base-url", _fixture.Emulator.RootUrl);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(Errors(result));
        Assert.Contains($"The base URL {_fixture.Emulator.RootUrl} does not look like a Klinky API", error, StringComparison.Ordinal);
        Assert.Contains("should end in /api/v1", error, StringComparison.Ordinal);
        Assert.Contains("'base-url'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("/public/", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Klinky link not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKeyPastedAsTheBaseUrl_IsNeverEchoed()
    {
        using var sandbox = _fixture.Sandbox(231, _fixture.UserToken).WithInput("links", "e2e-key").WithInput("base-url", _fixture.Emulator.ApiKey);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("::error title=Invalid input::Input 'base-url' '[redacted]' is not an absolute http(s) URL", result.Stdout, StringComparison.Ordinal);
        FailureTests.AssertSecretOnlyMasked(result, _fixture.Emulator.ApiKey);
    }

    [Fact]
    public async Task ABareObjectForAList_IsOneInvalidAnswerAnnotation_NotLinkNotFound()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.Run(context => context.Response.WriteAsync("{}"));
        await server.StartAsync();
        using var sandbox = _fixture.Sandbox(232, _fixture.UserToken).WithInput("links", "e2e-bare").WithInput("base-url", server.Urls.First() + "/api/v1");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(Errors(result));
        Assert.Contains("without its required field 'items'", error, StringComparison.Ordinal);
    }
}
