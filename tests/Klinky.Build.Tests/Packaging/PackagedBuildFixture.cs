using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Build.Tests.Packaging;

/// <summary>One emulator (Scale plan, so its counter shows every request) and one restored sample, shared by a test class.</summary>
public abstract class PackagedBuildFixture : IAsyncLifetime
{
    private readonly string _targetFrameworks;
    private readonly bool _isExe;
    private SampleProject? _sample;
    private EmulatorProcess? _emulator;
    private KlinkyClient? _client;

    protected PackagedBuildFixture(string targetFrameworks, bool isExe)
    {
        _targetFrameworks = targetFrameworks;
        _isExe = isExe;
    }

    internal SampleProject Sample => _sample ?? throw new InvalidOperationException("not initialised");

    public EmulatorProcess Emulator => _emulator ?? throw new InvalidOperationException("not initialised");

    /// <summary>A client of our own for looking at the emulator's state; its reads are not the build's requests.</summary>
    public KlinkyClient Client => _client ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        var emulator = EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "scale" });
        try
        {
            _sample = await SampleProject.CreateRestoredAsync(_targetFrameworks, _isExe);
        }
        finally
        {
            // Kept even when the restore fails, so DisposeAsync stops the emulator that was started meanwhile.
            _emulator = await emulator;
        }

        _client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = _emulator!.BaseUrl, ApiKey = _emulator.ApiKey });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _sample?.Dispose();
    }

    /// <summary>Requests left in the key's hour: read from an endpoint that does not count, so the difference is the build's.</summary>
    public async Task<int> RemainingRequestsAsync() => (await Client.RateLimits.GetAsync()).Remaining;

    /// <summary>Asserts the build spent no request since <paramref name="requestsBefore"/> and left no link at <paramref name="slug"/>.</summary>
    public async Task AssertNothingSentAsync(int requestsBefore, string slug)
    {
        Assert.Equal(requestsBefore, await RemainingRequestsAsync());
        Assert.Empty(await LinksWithSlugAsync(slug));
    }

    public async Task<IReadOnlyList<Link>> LinksWithSlugAsync(string slug)
    {
        var page = await Client.Links.ListAsync(new LinkListOptions { Slug = slug });
        return page.Items.Where(l => l.Slug == slug).ToList();
    }

    /// <summary>Runs dotnet in the sample with the emulator's URL and key, the key passed the only way the package reads it.</summary>
    internal Task<DotnetResult> DotnetAsync(string command, int pullRequest, params string[] extra) =>
        DotnetAsync(command, pullRequest, new Dictionary<string, string>(), extra);

    internal Task<DotnetResult> DotnetAsync(string command, int pullRequest, IDictionary<string, string> environment, params string[] extra)
    {
        var arguments = new List<string> { command, "--no-restore", "-c", "Release", "-p:KlinkyBaseUrl=" + Emulator.BaseUrl };
        if (pullRequest > 0)
        {
            arguments.Add("-p:KlinkyPullRequestNumber=" + pullRequest);
        }

        arguments.AddRange(extra);
        var env = new Dictionary<string, string>(environment);
        env.TryAdd("KLINKY_API_KEY", Emulator.ApiKey);
        return Sample.RunAsync(arguments, env);
    }
}
