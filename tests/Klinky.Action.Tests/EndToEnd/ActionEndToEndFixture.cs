using Klinky.Testing.GitHub;
using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// One real emulator (Scale plan, so requests are counted in its rate-limit headers) and one fake GitHub, shared by
/// the end-to-end tests. Each test uses its own pull request number and its own links, so they do not interfere.
/// </summary>
public sealed class ActionEndToEndFixture : IAsyncLifetime
{
    public const string UserLogin = "klinky-bot";

    public EmulatorProcess Emulator { get; private set; } = null!;
    public FakeGitHub GitHub { get; private set; } = null!;
    public KlinkyClient Klinky { get; private set; } = null!;

    /// <summary>A personal token: <c>GET /user</c> answers <see cref="UserLogin"/>.</summary>
    public string UserToken { get; } = "ghp_" + Guid.NewGuid().ToString("N");

    /// <summary>The workflow's GITHUB_TOKEN: <c>/user</c> is forbidden, comments are by github-actions[bot].</summary>
    public string InstallationToken { get; } = "ghs_" + Guid.NewGuid().ToString("N");

    /// <summary>A read-only installation token, as a fork's pull request (or a job without pull-requests: write) gets.</summary>
    public string ReadOnlyToken { get; } = "ghs_" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "scale" });
        GitHub = await FakeGitHub.StartAsync();
        GitHub.AddToken(UserToken, new FakeToken(UserLogin, IsInstallation: false, ReadOnly: false));
        GitHub.AddToken(InstallationToken, new FakeToken("github-actions[bot]", IsInstallation: true, ReadOnly: false));
        GitHub.AddToken(ReadOnlyToken, new FakeToken("github-actions[bot]", IsInstallation: true, ReadOnly: true));
        Klinky = new KlinkyClient(new KlinkyClientOptions { BaseUrl = Emulator.BaseUrl, ApiKey = Emulator.ApiKey });
    }

    public async Task DisposeAsync()
    {
        Klinky?.Dispose();
        if (GitHub is not null)
        {
            await GitHub.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>A two-variant link on the emulator with <paramref name="clicks"/> visits played through its redirect.</summary>
    public async Task<Link> CreateLinkAsync(string slug, int clicks = 6, string name = "Checkout test")
    {
        var link = await Klinky.Links.CreateAsync(new CreateLinkRequest(name, new[]
        {
            new Variant("control", "https://example.com/a", 50),
            new Variant("variant_b", "https://example.com/b", 50),
        })
        { Slug = slug, EnableConversionTracking = true });
        await ClickAsync(slug, clicks);
        return link;
    }

    /// <summary>Visits <c>/{slug}</c> as <paramref name="count"/> distinct visitors (no cookie jar, so none is sticky).</summary>
    public async Task ClickAsync(string slug, int count)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        for (var i = 0; i < count; i++)
        {
            using var response = await http.GetAsync(new Uri($"{Emulator.RootUrl}/{slug}"));
            Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        }
    }

    /// <summary>Klinky requests left in the key's hour; the asking request itself is counted, so compare two readings and subtract one.</summary>
    public async Task<int> RemainingAsync()
    {
        await Klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        return Klinky.RateLimit?.Remaining ?? throw new InvalidOperationException("the emulator sent no rate-limit headers");
    }

    /// <summary>A sandbox for <paramref name="eventName"/> at commit <paramref name="sha"/> (the payload's own commit is not used by push runs).</summary>
    public RunnerSandbox EventSandbox(string eventName, string eventJson, string sha, string token)
    {
        var sandbox = new RunnerSandbox(GitHub.ApiUrl, eventName, eventJson);
        sandbox.Environment["GITHUB_SHA"] = sha;
        sandbox.Environment["GITHUB_REF"] = "refs/heads/feature";
        return sandbox.WithInput("api-key", Emulator.ApiKey)
            .WithInput("base-url", Emulator.BaseUrl)
            .WithInput("github-token", token);
    }

    /// <summary>A commit id no other test uses.</summary>
    public static string NewSha() => Guid.NewGuid().ToString("N") + "00000000";

    /// <summary>A sandbox for PR <paramref name="pullRequest"/> with the emulator's URL and key set as inputs.</summary>
    public RunnerSandbox Sandbox(int pullRequest, string token, bool fork = false, string action = "synchronize")
    {
        var sandbox = new RunnerSandbox(GitHub.ApiUrl, "pull_request", RunnerSandbox.PullRequestEvent(pullRequest, fork, action));
        sandbox.Environment["GITHUB_REF"] = $"refs/pull/{pullRequest}/merge";
        return sandbox.WithInput("api-key", Emulator.ApiKey)
            .WithInput("base-url", Emulator.BaseUrl)
            .WithInput("github-token", token);
    }
}

[CollectionDefinition(Name)]
public sealed class ActionEndToEndCollection : ICollectionFixture<ActionEndToEndFixture>
{
    public const string Name = "action end to end";
}
