namespace Klinky.Build.Tests.Packaging;

/// <summary>A multi-targeted project: the outer build creates each link once for all its frameworks.</summary>
public sealed class MultiTargetedBuildTests : IClassFixture<MultiTargetedLibraryFixture>
{
    private readonly MultiTargetedLibraryFixture _fixture;

    public MultiTargetedBuildTests(MultiTargetedLibraryFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Build_TwoFrameworks_CreatesTheLinkOnceWithTwoRequests()
    {
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("build", 60, "-p:KlinkyRunAfterTargets=Build", "-m");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Sample.dll", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fixture.Sample.Directory, "bin", "Release", "net8.0", "Sample.dll")));
        Assert.True(File.Exists(Path.Combine(_fixture.Sample.Directory, "bin", "Release", "net10.0", "Sample.dll")));
        Assert.Equal(before - 2, await _fixture.RemainingRequestsAsync());
        Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr60"));
        Assert.Single(result.Output.Split('\n'), line => line.Contains("Klinky: checkout-pr60 -> ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildOneFramework_WithBuildTrigger_CreatesNoLinkAndSaysWhy()
    {
        // `build -f` is indistinguishable from the per-framework builds of a full build, which must not create links.
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("build", 61, "-f", "net8.0", "-p:KlinkyRunAfterTargets=Build", "-v:n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Klinky: no preview link from the net8.0 build of a multi-targeted project", result.Output, StringComparison.Ordinal);
        await _fixture.AssertNothingSentAsync(before, "checkout-pr61");
    }

    [Fact]
    public async Task PublishOneFramework_CreatesTheLinkOnce()
    {
        var result = await _fixture.DotnetAsync("publish", 62, "-f", "net10.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Output.Split('\n'), line => line.Contains("Klinky: checkout-pr62 -> ", StringComparison.Ordinal));
        Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr62"));
    }
}
