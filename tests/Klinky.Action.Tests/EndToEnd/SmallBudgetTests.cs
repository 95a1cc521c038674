using Klinky.Links;
using Klinky.Testing;
using Klinky.Testing.GitHub;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// What the budget tests share: the emulator with its test-only 30 requests an hour and one key per test, the fake
/// GitHub with a writing token, a client per key, and a link with six visits.
/// </summary>
public abstract class SmallBudgetTests : IAsyncLifetime
{
    protected const string Token = "ghp_budget";
    private EmulatorProcess _emulator = null!;
    private FakeGitHub _github = null!;

    protected SmallBudgetTests(int keys) => Keys = Enumerable.Range(0, keys).Select(_ => EmulatorProcess.NewApiKey()).ToArray();

    protected string[] Keys { get; }

    protected EmulatorProcess Emulator => _emulator;

    protected FakeGitHub GitHub => _github;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { RateLimit = "30/1h", ApiKeys = Keys });
        _github = await FakeGitHub.StartAsync();
        _github.AddToken(Token, new FakeToken("klinky-bot", IsInstallation: false, ReadOnly: false));
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    protected static Variant[] Variants() => new[] { new Variant("control", "https://example.com/a", 50), new Variant("variant_b", "https://example.com/b", 50) };

    protected KlinkyClient Client(string key) => new(new KlinkyClientOptions { BaseUrl = _emulator.BaseUrl, ApiKey = key });

    /// <summary>A link named <paramref name="name"/> with six visits (redirects are free).</summary>
    protected async Task<Link> CreateLinkAsync(KlinkyClient klinky, string name, string slug)
    {
        var link = await klinky.Links.CreateAsync(new CreateLinkRequest(name, Variants()) { Slug = slug });
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.GetAsync(new Uri($"{_emulator.RootUrl}/{slug}"));
        }

        return link;
    }

    /// <summary>The report job of pull request <paramref name="pr"/> against this emulator and fake GitHub.</summary>
    protected RunnerSandbox Sandbox(string key, int pr)
    {
        var sandbox = new RunnerSandbox(_github.ApiUrl, "pull_request", RunnerSandbox.PullRequestEvent(pr));
        sandbox.Environment["GITHUB_REF"] = $"refs/pull/{pr}/merge";
        return sandbox.WithInput("api-key", key).WithInput("base-url", _emulator.BaseUrl).WithInput("github-token", Token);
    }
}
