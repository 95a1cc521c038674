using System.Globalization;
using Klinky.Action.Tests.EndToEnd;

namespace Klinky.Action.Tests.Container;

/// <summary>
/// The published image (action/Dockerfile, built by <c>./build.sh container</c>) run as GitHub's runner runs a docker
/// action, against the emulator and the fake GitHub: the same program the process tests run, now inside its container.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class ContainerActionTests
{
    private const string Marker = "<!-- klinky-report:default -->";
    private readonly ActionEndToEndFixture _fixture;

    public ContainerActionTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [ContainerFact]
    public async Task Image_FirstRunPostsOneComment_SecondRunChangesNothing()
    {
        const int pr = 901;
        await _fixture.CreateLinkAsync("ctr-first-a", clicks: 5);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "ctr-first-a");

        var first = await ContainerRun.RunAsync(sandbox);

        Assert.True(first.ExitCode == 0, first.ToString());
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.StartsWith(Marker, comment.Body, StringComparison.Ordinal);
        Assert.Contains("ctr-first-a", comment.Body, StringComparison.Ordinal);
        var outputs = sandbox.ReadOutputs();
        Assert.Equal(comment.Id.ToString(CultureInfo.InvariantCulture), outputs["comment-id"]);
        Assert.Equal("klinky/report-default.json", outputs["report-path"]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(sandbox.Workspace));
        Assert.Contains("\"total_clicks\":5", File.ReadAllText(Path.Combine(sandbox.RunnerTemp, outputs["report-path"])), StringComparison.Ordinal);
        Assert.Contains("ctr-first-a", sandbox.ReadSummary(), StringComparison.Ordinal);

        var updatedAt = comment.UpdatedAt;
        _fixture.GitHub.ClearRequests();
        var second = await ContainerRun.RunAsync(sandbox);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(updatedAt, Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).UpdatedAt);
        Assert.NotEmpty(_fixture.GitHub.Requests);
        Assert.DoesNotContain(_fixture.GitHub.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
    }

    [ContainerFact]
    public async Task Image_BadInput_ExitsTwoWithItsAnnotation_BeforeAnyRequest()
    {
        using var sandbox = _fixture.Sandbox(902, _fixture.UserToken).WithInput("links", "ctr-any").WithInput("comment-mode", "sometimes");
        _fixture.GitHub.ClearRequests();

        var result = await ContainerRun.RunAsync(sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("::error title=Invalid input::Input 'comment-mode'", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(_fixture.GitHub.Requests);
    }

    [ContainerFact]
    public async Task Image_ApiKeyAndToken_AppearOnlyInTheirAddMaskLines_AndNeverOnTheCommandLine()
    {
        await _fixture.CreateLinkAsync("ctr-mask-a", clicks: 1);
        using var sandbox = _fixture.Sandbox(903, _fixture.UserToken).WithInput("links", "ctr-mask-a,ctr-missing");

        var result = await ContainerRun.RunAsync(sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("::warning title=Klinky::Klinky link 'ctr-missing' was not found", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("::add-mask::" + _fixture.Emulator.ApiKey, result.Stdout, StringComparison.Ordinal);
        foreach (var secret in new[] { _fixture.Emulator.ApiKey, _fixture.UserToken })
        {
            var lines = result.All.Split('\n').Where(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.All(lines, l => Assert.Equal("::add-mask::" + secret, l.TrimEnd('\r')));
            Assert.DoesNotContain(ContainerRun.LastArguments, a => a.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains("-e", ContainerRun.LastArguments);
        Assert.Contains("INPUT_API-KEY", ContainerRun.LastArguments);
    }
}
