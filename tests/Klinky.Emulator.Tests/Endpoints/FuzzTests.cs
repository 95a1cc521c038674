using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Endpoints;

/// <summary>
/// Thousands of seeded, randomly mutated requests to every route: never a 5xx, never a hang, and no answer or console line
/// that names a .NET type (a user cannot act on <c>JsonException</c>; the message must say what was wrong).
/// </summary>
public sealed class FuzzTests : IClassFixture<EmulatorFixture>
{
    private const int Workers = 8;
    private const int RequestsPerWorker = 400;
    private static readonly string[] ContentTypes = { "application/json", "text/plain", "application/json; charset=latin1", "application/x-www-form-urlencoded", "garbage/", "" };
    private static readonly string[] Methods = { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD" };
    private static readonly string[] Queries = { "page=-1", "per_page=abc", "per_page=1000", "start_date=notadate", "end_date=2020-13-45", "page=99999999999", "start_date=2030-01-01&end_date=2020-01-01", "slug=%00%FF", "search=" + new string('x', 3000), "page=1&per_page=100" };
    private readonly EmulatorFixture _fixture;

    public FuzzTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task MutatedRequestsToEveryRoute_NeverAnswer5xxNorNameADotNetType()
    {
        var slug = Api.NewSlug("fuzz");
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        var id = link.GetProperty("id").GetString()!;
        var visit = await Api.VisitAsync(_fixture.Visitor, slug);
        var clickId = Api.ClickIdOf(visit.Location!)!;
        var routes = new (string Method, string Path, string? Body)[]
        {
            ("POST", Api.Links, """{"name":"n","slug":"s-SLUG","routing_type":"geo","geo_rules":{"US":"control","default":"b"},"auto_winner":true,"auto_winner_threshold":50,"variants":[{"label":"control","destination_url":"https://e.com/a","weight":50},{"label":"b","destination_url":"https://e.com/b","weight":50}]}"""),
            ("GET", Api.Links, null),
            ("GET", $"{Api.Links}/{id}", null),
            ("PUT", $"{Api.Links}/{id}", """{"name":"n2","is_active":true,"auto_winner":false,"auto_winner_threshold":20,"conversion_redirect_url":"https://e.com/x","geo_rules":{"default":"control"}}"""),
            ("PUT", $"{Api.Links}/{id}/variants", """[{"label":"control","destination_url":"https://e.com/a","weight":50},{"label":"variant_b","destination_url":"https://e.com/b","weight":50}]"""),
            ("GET", $"{Api.Links}/{id}/clicks", null),
            ("GET", $"{Api.Links}/{id}/stats", null),
            ("POST", $"{Api.Links}/{id}/winner", """{"label":"control"}"""),
            ("POST", "api/v1/public/conversions", $$"""{"click_id":"{{clickId}}","event":"signup","value":1.5,"external_id":"e1"}"""),
            ("GET", "api/v1/public/keys/rate-limit", null),
            ("POST", "api/v1/public/webhooks", """{"url":"http://127.0.0.1:9/hook","secret":"0123456789","events":["link.created"]}"""),
            ("GET", "api/v1/public/webhooks", null),
            ("GET", slug, null),
        };

        var failures = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(1000 + worker);
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(_fixture.Emulator.RootUrl + "/"), Timeout = Poll.GenerousDeadline };
            for (var i = 0; i < RequestsPerWorker; i++)
            {
                var route = routes[random.Next(routes.Length)];
                using var request = Mutate(random, route, worker, i);
                if (random.Next(20) != 0)
                {
                    request.Headers.TryAddWithoutValidation("X-API-Key", _fixture.Emulator.ApiKey);
                }

                using var response = await client.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || DotNetTypeNames.In(answer) is { } typeName)
                {
                    lock (failures)
                    {
                        failures.Add($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode} {answer}");
                    }
                }
            }
        })));

        Assert.Empty(failures);
        Assert.Null(DotNetTypeNames.In(_fixture.Emulator.Output));
    }

    private static HttpRequestMessage Mutate(Random random, (string Method, string Path, string? Body) route, int worker, int index)
    {
        var method = random.Next(10) == 0 ? Methods[random.Next(Methods.Length)] : route.Method;
        var path = route.Path;
        if (random.Next(8) == 0)
        {
            path = Mangle(random, path);
        }

        if (random.Next(4) == 0)
        {
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Queries[random.Next(Queries.Length)];
        }

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        var body = route.Body?.Replace("SLUG", $"{worker}-{index}", StringComparison.Ordinal);
        if (body is null && random.Next(6) != 0)
        {
            return request;
        }

        var bytes = MutateBody(random, body ?? "{}");
        request.Content = new ByteArrayContent(bytes);
        var contentType = random.Next(6) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : "application/json";
        if (contentType.Length > 0)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return request;
    }

    private static string Mangle(Random random, string path) => random.Next(4) switch
    {
        0 => path + "/" + Uri.EscapeDataString(RandomText(random, 40)),
        1 => path.Replace("links/", "links/" + Uri.EscapeDataString(RandomText(random, 10)), StringComparison.Ordinal),
        2 => path + "%00%ff%fe",
        _ => path.ToUpperInvariant(),
    };

    private static byte[] MutateBody(Random random, string body)
    {
        switch (random.Next(7))
        {
            case 0:
                return Encoding.UTF8.GetBytes(body);
            case 1:
                var flipped = Encoding.UTF8.GetBytes(body);
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return flipped;
            case 2:
                return Encoding.UTF8.GetBytes(body[..random.Next(body.Length)]);
            case 3:
                return new byte[] { 0xff, 0xfe, (byte)'{', 0xc3, 0x28 };
            default:
                var node = JsonNode.Parse(body)!;
                ReplaceRandomValue(random, node);
                return Encoding.UTF8.GetBytes(node.ToJsonString());
        }
    }

    private static void ReplaceRandomValue(Random random, JsonNode node)
    {
        while (true)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count > 0:
                    var property = obj.ElementAt(random.Next(obj.Count)).Key;
                    if (obj[property] is JsonObject or JsonArray && random.Next(2) == 0)
                    {
                        node = obj[property]!;
                        continue;
                    }

                    obj[property] = RandomValue(random);
                    return;
                case JsonArray array when array.Count > 0:
                    var at = random.Next(array.Count);
                    if (array[at] is JsonObject or JsonArray && random.Next(2) == 0)
                    {
                        node = array[at]!;
                        continue;
                    }

                    array[at] = RandomValue(random);
                    return;
                default:
                    return;
            }
        }
    }

    private static JsonNode? RandomValue(Random random) => random.Next(10) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(1e300),
        3 => JsonValue.Create(RandomText(random, random.Next(0, 300))),
        4 => JsonValue.Create(true),
        5 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x"), null),
        6 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = JsonValue.Create(-1) } },
        7 => JsonValue.Create(new string('a', 5000)),
        8 => JsonValue.Create("https://" + RandomText(random, 20)),
        _ => JsonValue.Create(-0.5),
    };

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(5) == 0 ? (char)random.Next(0x20, 0x2FFF) : (char)random.Next(0x20, 0x7F);
            if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
