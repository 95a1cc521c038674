using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Klinky.Links;
using Klinky.Serialization;

namespace Klinky.Benchmarks;

/// <summary>
/// GET one link: through <see cref="KlinkyClient"/> (Flurl, headers, rate-limit reading, error mapping, JSON)
/// and through a bare <see cref="HttpClient"/> sending the same request and reading the same JSON. The ratio is the core's overhead.
/// </summary>
[MemoryDiagnoser]
public abstract class OverheadBenchmarks
{
    protected const string ApiKey = "klinky_live_benchmarkbenchmarkbenchmark00";
    private KlinkyClient? _client;
    private HttpClient? _bare;
    private string _linkUrl = "";

    protected string LinkId { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var baseUrl = StartServer();
        _client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = baseUrl, ApiKey = ApiKey });
        _bare = new HttpClient();
        _linkUrl = baseUrl + "/public/links/" + LinkId;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _bare?.Dispose();
        StopServer();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient + System.Text.Json")]
    public async Task<Link?> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _linkUrl);
        request.Headers.Add("X-API-Key", ApiKey);
        request.Headers.Add("Accept", "application/json");
        using var response = await _bare!.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<Link>(json, KlinkyJson.Options);
    }

    [Benchmark(Description = "KlinkyClient.Links.GetAsync")]
    public Task<Link> KlinkyCore() => _client!.Links.GetAsync(LinkId);

    protected abstract string StartServer();

    protected abstract void StopServer();
}
