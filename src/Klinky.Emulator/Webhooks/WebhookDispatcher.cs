using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Klinky.Emulator.Http;
using Klinky.Emulator.Storage;
using Klinky.Webhooks;

namespace Klinky.Emulator.Webhooks;

/// <summary>
/// Keeps the registered endpoints and delivers signed events to them in the background, with a bounded number of retries
/// (backoff 0.25 s, 0.5 s, 1 s) so a dead receiver cannot grow the queue without end.
/// </summary>
internal sealed class WebhookDispatcher : IHostedService, IDisposable
{
    /// <summary>Deliveries waiting at most; a publish beyond it is dropped (and logged) rather than held on a request's path.</summary>
    public const int QueueLength = 10_000;
    private const int MaxAttempts = 4;
    private readonly ConcurrentDictionary<string, WebhookSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<(WebhookSubscription Target, string Body)> _queue = Channel.CreateBounded<(WebhookSubscription, string)>(QueueLength);
    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    // Never follows a redirect: a delivery goes to the registered address only, and a 3xx counts as a failed attempt
    // (a receiver could otherwise bounce the signed payload to an address nobody registered).
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private Task _loop = Task.CompletedTask;

    public WebhookDispatcher(Database database, TimeProvider time, ILogger<WebhookDispatcher> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        foreach (var subscription in WebhookRows.LoadAll(database))
        {
            _subscriptions[subscription.Id] = subscription;
        }
    }

    public IReadOnlyList<WebhookSubscription> List(string workspace) =>
        _subscriptions.Values.Where(s => s.Workspace == workspace).OrderBy(s => s.CreatedAt).ToList();

    public void Add(WebhookSubscription subscription)
    {
        WebhookRows.Insert(_database, subscription);
        _subscriptions[subscription.Id] = subscription;
    }

    public bool Remove(string workspace, string id)
    {
        if (!_subscriptions.TryGetValue(id, out var subscription) || subscription.Workspace != workspace)
        {
            return false;
        }

        WebhookRows.Delete(_database, id);
        return _subscriptions.TryRemove(id, out _);
    }

    public void Publish(string workspace, string type, object data)
    {
        var envelope = new WebhookEnvelope("evt_" + Guid.NewGuid().ToString("N"), type, _time.GetUtcNow(), data);
        string? body = null;
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.Workspace == workspace && subscription.Events.Contains(type))
            {
                body ??= JsonSerializer.Serialize(envelope, WireJson.Options);
                if (!_queue.Writer.TryWrite((subscription, body)))
                {
                    _logger.LogWarning("Webhook {Id}: {Type} was not delivered: {Count} deliveries are already waiting (or the emulator is stopping)", subscription.Id, type, QueueLength);
                }
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Undelivered events are dropped at shutdown, as a real queue's would be after its retries.
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task RunAsync()
    {
        await foreach (var (target, body) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await DeliverAsync(target, body).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(WebhookSubscription target, string body)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(target.Secret, _time.GetUtcNow(), body));
                using var response = await _http.SendAsync(request).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                _logger.LogDebug(ex, "Webhook delivery attempt {Attempt} failed", attempt);
            }

            if (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << (attempt - 1)))).ConfigureAwait(false);
            }
        }

        _logger.LogWarning("Webhook {Id} gave up after {Attempts} attempts", target.Id, MaxAttempts);
    }
}
