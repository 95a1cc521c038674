// A user's first program against a Kiota client generated from klinky-emulator's /api/v1/openapi.json: the main calls
// (create with an Idempotency-Key, read, list with paging and a filter, clicks and stats over a date range) and each error
// a client must tell apart (401, 404, 409, 422, 429), printed one outcome per line for the test to check.
// Arguments: the API base URL (ending in /api/v1), a slug prefix unique to the run and, for an https emulator, the PEM file of
// its generated certificate; the key comes from KLINKY_API_KEY.
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Klinky.Generated;
using Klinky.Generated.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

var baseUrl = args[0];
var prefix = args[1];
var trusted = args.Length > 2 ? X509Certificate2.CreateFromPem(File.ReadAllText(args[2])) : null;
var key = Environment.GetEnvironmentVariable("KLINKY_API_KEY") ?? throw new InvalidOperationException("Set KLINKY_API_KEY");
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = timeout.Token;
var klinky = Connect(baseUrl, key, trusted);

CreateLinkRequest NewLink(string slug, int secondWeight = 50) => new()
{
    Name = "Checkout " + slug,
    Slug = slug,
    Variants = new List<Variant>
    {
        new() { Label = "control", DestinationUrl = "https://shop.example.com/checkout", Weight = 50 },
        new() { Label = "preview", DestinationUrl = "https://preview.example.com/checkout", Weight = secondWeight },
    },
};

var main = NewLink(prefix + "-main");
var created = await klinky.Public.Links.PostAsync(main, c => c.Headers.Add("Idempotency-Key", prefix + "-create"), ct);
Console.WriteLine($"created slug={created!.Slug} variants={created.Variants!.Count} created_at={created.CreatedAt:yyyy-MM-dd}");
var replayed = await klinky.Public.Links.PostAsync(main, c => c.Headers.Add("Idempotency-Key", prefix + "-create"), ct);
Console.WriteLine($"replayed same_id={replayed!.Id == created.Id}");

try
{
    await klinky.Public.Links.PostAsync(main, cancellationToken: ct);
}
catch (ErrorDetail ex)
{
    Console.WriteLine($"conflict status={ex.ResponseStatusCode} detail={ex.Detail}");
}

try
{
    await klinky.Public.Links.PostAsync(NewLink(prefix + "-bad", secondWeight: 40), cancellationToken: ct);
}
catch (ValidationErrors ex)
{
    var first = ex.Detail![0];
    Console.WriteLine($"invalid status={ex.ResponseStatusCode} errors={ex.Detail.Count} loc={string.Join('/', first.Loc!)} msg={first.Msg}");
}

for (var i = 1; i <= 3; i++)
{
    await klinky.Public.Links.PostAsync(NewLink($"{prefix}-p{i}"), cancellationToken: ct);
}

var page = await klinky.Public.Links.GetAsync(c =>
{
    c.QueryParameters.Search = prefix;
    c.QueryParameters.Page = 2;
    c.QueryParameters.PerPage = 2;
}, ct);
Console.WriteLine($"page page={page!.Page} per_page={page.PerPage} total={page.Total} items={string.Join(',', page.Items!.Select(l => l.Slug))}");

var read = await klinky.Public.Links[created.Id!].GetAsync(cancellationToken: ct);
Console.WriteLine($"read slug={read!.Slug} updated_at={read.UpdatedAt:yyyy-MM-dd}");

var since = DateTimeOffset.UtcNow.AddDays(-1);
var until = DateTimeOffset.UtcNow.AddDays(1);
var clicks = await klinky.Public.Links[created.Id!].Clicks.GetAsync(c =>
{
    c.QueryParameters.StartDate = since;
    c.QueryParameters.EndDate = until;
    c.QueryParameters.PerPage = 100;
}, ct);
Console.WriteLine($"clicks total={clicks!.Total} per_page={clicks.PerPage}");

var stats = await klinky.Public.Links[created.Id!].Stats.GetAsync(c => c.QueryParameters.StartDate = since, ct);
Console.WriteLine($"stats status={stats!.Status} variants={stats.Variants!.Count} total_clicks={stats.TotalClicks} start_date={stats.StartDate:yyyy-MM-dd}");

try
{
    await klinky.Public.Links[Guid.NewGuid().ToString()].GetAsync(cancellationToken: ct);
}
catch (ErrorDetail ex)
{
    Console.WriteLine($"not_found status={ex.ResponseStatusCode} detail={ex.Detail}");
}

try
{
    await Connect(baseUrl, "klinky_live_" + new string('0', 32), trusted).Public.Links.GetAsync(cancellationToken: ct);
}
catch (ErrorDetail ex)
{
    Console.WriteLine($"unauthorized status={ex.ResponseStatusCode} detail={ex.Detail}");
}

var budget = await klinky.Public.Keys.RateLimit.GetAsync(cancellationToken: ct);
Console.WriteLine($"budget limit={budget!.Limit} remaining={budget.Remaining}");

for (var spent = 0; spent <= budget.Remaining; spent++)
{
    try
    {
        await klinky.Public.Links[created.Id!].GetAsync(cancellationToken: ct);
    }
    catch (ErrorDetail ex) when (ex.ResponseStatusCode == 429)
    {
        var retryAfter = ex.ResponseHeaders.TryGetValue("Retry-After", out var values) ? values.First() : "none";
        Console.WriteLine($"rate_limited status=429 after={spent} retry_after={retryAfter} detail={ex.Detail}");
        break;
    }
}

// Over https (the emulator started with an https:// URL) Kiota's own API-key provider sends the key, and the client trusts
// exactly the emulator's generated certificate. Over http that provider refuses to send the key, so a provider of our own
// sets the header. Retries are off: a 429's Retry-After can be most of an hour, which a client should report rather than
// sleep through.
static KlinkyApiClient Connect(string baseUrl, string apiKey, X509Certificate2? trusted)
{
    var transport = new SocketsHttpHandler();
    if (trusted is not null)
    {
        var expected = trusted.GetCertHashString(HashAlgorithmName.SHA256);
        transport.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is X509Certificate2 presented && presented.GetCertHashString(HashAlgorithmName.SHA256) == expected;
    }

    IAuthenticationProvider authentication = trusted is null
        ? new ApiKeyHeader(apiKey)
        : new ApiKeyAuthenticationProvider(apiKey, "X-API-Key", ApiKeyAuthenticationProvider.KeyLocation.Header);
    var http = KiotaClientFactory.Create(transport, new IRequestOption[] { new RetryHandlerOption { MaxRetry = 0 } });
    var adapter = new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = baseUrl };
    Console.WriteLine($"connected auth={authentication.GetType().Name}");
    return new KlinkyApiClient(adapter);
}

internal sealed class ApiKeyHeader(string apiKey) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        request.Headers.Add("X-API-Key", apiKey);
        return Task.CompletedTask;
    }
}
