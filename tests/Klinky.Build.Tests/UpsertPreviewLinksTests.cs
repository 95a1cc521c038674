using System.Diagnostics;
using Klinky.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;

namespace Klinky.Build.Tests;

/// <summary>The task's decisions that need no Klinky: validation, the key, dry runs, outages, timeouts and cancellation.</summary>
public sealed class UpsertPreviewLinksTests
{
    private readonly FakeBuildEngine _engine = new();

    [Fact]
    public void Execute_WeightsNotSummingTo100_LogsKlinky003NamingTheVariant()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        task.Variants = new[]
        {
            UpsertTaskFactory.Variant("control", "checkout", "https://shop.example.com/checkout", 50),
            UpsertTaskFactory.Variant("preview", "checkout", "https://pr42.preview.example.com/checkout", 40),
        };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY003", error.Code);
        Assert.Contains("variant 'preview'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sum to 90", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics/KLINKY003.md", error.HelpLink, StringComparison.Ordinal);
        Assert.Equal("Sample.csproj", error.File);
    }

    [Theory]
    [InlineData("ftp://shop.example.com/x", "50", "is not an absolute http(s) URL")]
    [InlineData("https://shop.example.com/x", "half", "is not a whole number")]
    [InlineData("https://shop.example.com/x", null, "has no Weight")]
    public void Execute_InvalidVariant_LogsKlinky003(string url, string? weight, string expected)
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        var broken = UpsertTaskFactory.Variant("preview", "checkout", url, null);
        if (weight is not null)
        {
            broken.SetMetadata("Weight", weight);
        }

        task.Variants = new[] { UpsertTaskFactory.Variant("control", "checkout", "https://shop.example.com/checkout", 50), broken };

        Assert.False(task.Execute());

        Assert.Contains(_engine.Errors, e => e.Code == "KLINKY003" && e.Message!.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_LinkWithoutVariantsAndOrphanVariant_LogsBothProblems()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        task.Variants = new[] { UpsertTaskFactory.Variant("control", "chekout", "https://shop.example.com/checkout", 100) };

        Assert.False(task.Execute());

        Assert.Contains(_engine.Errors, e => e.Code == "KLINKY003" && e.Message!.Contains("Link=\"chekout\"", StringComparison.Ordinal));
        Assert.Contains(_engine.Errors, e => e.Code == "KLINKY003" && e.Message!.Contains("has no variants", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_TwoLinksWithTheSameSlug_LogsKlinky003()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        var second = UpsertTaskFactory.Link("other");
        second.SetMetadata("Slug", "checkout-pr42");
        task.Links = new[] { task.Links[0], second };
        task.Variants = task.Variants.Append(UpsertTaskFactory.Variant("only", "other", "https://shop.example.com/", null)).ToArray();

        Assert.False(task.Execute());

        Assert.Contains(_engine.Errors, e => e.Code == "KLINKY003" && e.Message!.Contains("both resolve to the slug 'checkout-pr42'", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_KeyVariableEmpty_LogsKlinky001NamingTheVariable()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl(), new Dictionary<string, string?> { ["MY_KEY"] = "" });
        task.ApiKeyVariable = "MY_KEY";

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY001", error.Code);
        Assert.Contains("MY_KEY", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url", null, null, "KlinkyBaseUrl")]
    [InlineData(null, "{name}-{oops}", null, "unknown token '{oops}'")]
    [InlineData(null, null, "forty-two", "KlinkyPullRequestNumber")]
    public void Execute_InvalidProperty_LogsKlinky008(string? baseUrl, string? slugFormat, string? pullRequest, string expected)
    {
        var task = UpsertTaskFactory.Create(_engine, baseUrl ?? SilentServer.ClosedBaseUrl());
        task.SlugFormat = slugFormat;
        task.PullRequestNumber = pullRequest ?? "42";

        Assert.False(task.Execute());

        Assert.Contains(_engine.Errors, e => e.Code == "KLINKY008" && e.Message!.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_NoPullRequestBranchOrTag_CreatesNothingAndSaysSoInOneMessageLine()
    {
        // A developer's own publish: no key in the environment either, and still no error or warning.
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl(), new Dictionary<string, string?>());
        task.PullRequestNumber = null;

        Assert.True(task.Execute());

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        var message = Assert.Single(_engine.HighImportanceMessages);
        Assert.StartsWith("Klinky: no preview link created: no pull request, branch or tag is known", message, StringComparison.Ordinal);
        Assert.Contains("KlinkyRequireContext", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.Empty(task.CreatedLinks);
    }

    [Fact]
    public void Execute_NoContextWithKlinkyRequireContext_LogsKlinky008NamingTheProperty()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        task.PullRequestNumber = null;
        task.RequireContext = true;

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY008", error.Code);
        Assert.Contains("KlinkyRequireContext is true", error.Message, StringComparison.Ordinal);
        Assert.Contains("KlinkyPullRequestNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ExplicitSlugOnABranchBuild_UsesTheSlug()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl(), new Dictionary<string, string?>());
        task.PullRequestNumber = null;
        task.Branch = "main";
        task.Links[0].SetMetadata("Slug", "checkout-local");
        task.DryRun = true;

        Assert.True(task.Execute());

        Assert.Contains(_engine.HighImportanceMessages, m => m.StartsWith("Klinky: checkout-local -> ", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_BaseUrlFromTheEnvironment_NamesKLINKY_BASE_URL()
    {
        var task = UpsertTaskFactory.Create(_engine, "not a url");
        task.BaseUrlSource = "KLINKY_BASE_URL";

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY008", error.Code);
        Assert.StartsWith("KLINKY_BASE_URL 'not a url' is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UrlAfterAnEmptyProperty_Klinky003NamesTheProperty()
    {
        var project = Path.Combine(Directory.CreateTempSubdirectory("klinky-build-").FullName, "Web.csproj");
        File.WriteAllText(project, """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <KlinkyPreviewLink Include="checkout" />
                <KlinkyVariant Include="control" Link="checkout" Url="https://shop.example.com/checkout" Weight="50" />
                <KlinkyVariant Include="preview" Link="checkout" Url="$(PreviewBaseUrl)/checkout" Weight="50" />
              </ItemGroup>
            </Project>
            """);
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        task.ProjectFile = project;
        task.Variants[1].SetMetadata("Url", "/checkout");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY003", error.Code);
        Assert.Contains("'/checkout' is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("the property PreviewBaseUrl is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("-p:PreviewBaseUrl=", error.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(project)!, recursive: true);
    }

    [Fact]
    public void Execute_DryRun_LogsThePlannedSlugWithoutKeyOrRequest()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl(), new Dictionary<string, string?>());
        task.DryRun = true;

        Assert.True(task.Execute());

        Assert.Empty(_engine.Errors);
        Assert.False(task.Completed);
        Assert.Contains(_engine.HighImportanceMessages, m => m.StartsWith("Klinky: checkout-pr42 -> control:50=", StringComparison.Ordinal) && m.EndsWith("(dry run: nothing sent)", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_KlinkyUnreachable_WarnsKlinky007AndSucceeds()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());

        Assert.True(task.Execute());

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("KLINKY007", warning.Code);
        Assert.False(task.Completed);
        Assert.Empty(task.CreatedLinks);
        Assert.DoesNotContain(UpsertTaskFactory.ApiKey, _engine.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_KlinkyUnreachableWithFailOnError_LogsKlinky007AsError()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        task.FailOnError = true;

        Assert.False(task.Execute());

        Assert.Equal("KLINKY007", Assert.Single(_engine.Errors).Code);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void Execute_ServiceNeverAnswers_StopsAtTheTimeoutWithKlinky005()
    {
        using var server = new SilentServer();
        var task = UpsertTaskFactory.Create(_engine, server.BaseUrl);
        task.TimeoutSeconds = 1;
        var clock = Stopwatch.StartNew();

        Assert.True(task.Execute());

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal("KLINKY005", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public async Task Cancel_WhileWaitingForKlinky_EndsTheTaskPromptly()
    {
        using var server = new SilentServer();
        var task = UpsertTaskFactory.Create(_engine, server.BaseUrl);
        task.TimeoutSeconds = 120;
        var running = Task.Run(task.Execute);
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();

        ((ICancelableTask)task).Cancel();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Empty(_engine.Warnings);
    }
}
