using System.Net;
using Klinky.Emulator.Dashboard.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Dashboard.Tests.Dashboard;

/// <summary>
/// The dashboard from a peer that is not loopback (a Unix socket, as behind a proxy): refused unless the emulator was started
/// with --dashboard-remote, and then only after a login with an API key, whose cookie is HttpOnly and SameSite=Strict.
/// </summary>
public sealed class DashboardRemoteAccessTests
{
    [Fact]
    public async Task WithoutTheFlag_ANonLoopbackPeer_IsRefusedAndToldTheFlag()
    {
        var socket = UnixSocketClient.NewSocketPath();
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Urls = $"http://127.0.0.1:0;http://unix:{socket}" });
        using var remote = UnixSocketClient.Create(socket);

        using var page = await remote.GetAsync("_klinky/");
        using var withKey = await remote.SendAsync(new HttpRequestMessage(HttpMethod.Get, "_klinky/budget") { Headers = { { "X-API-Key", emulator.ApiKey } } });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("--dashboard-remote", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, withKey.StatusCode);

        // The same emulator on loopback shows it.
        using var local = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("_klinky/")).StatusCode);
    }

    [Fact]
    public async Task WithTheFlag_ANonLoopbackPeer_MustSignInWithAKey_AndThenSeesItsWorkspaceWithoutTheKeyInFull()
    {
        var socket = UnixSocketClient.NewSocketPath();
        var (mine, other) = (EmulatorProcess.NewApiKey(), EmulatorProcess.NewApiKey());
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions
        {
            Urls = $"http://127.0.0.1:0;http://unix:{socket}",
            ApiKeys = new[] { mine, other },
            ExtraArguments = new[] { "--dashboard-remote" },
        });
        using var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
        foreach (var (key, slug) in new[] { (mine, "mine-" + Guid.NewGuid().ToString("N")[..8]), (other, "theirs-" + Guid.NewGuid().ToString("N")[..8]) })
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "api/v1/public/links")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { name = slug, slug, variants = new[] { new { label = "control", destination_url = "https://example.com/a", weight = 100 } } }),
            };
            create.Headers.Add("X-API-Key", key);
            Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(create)).StatusCode);
        }

        using var remote = UnixSocketClient.Create(socket);

        // Without a session: the login form, nothing of the workspace.
        using var anonymous = await remote.GetAsync("_klinky/");
        var form = await anonymous.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("name=\"api_key\"", form);
        Assert.DoesNotContain("mine-", form);

        // A wrong key, and a right key without the form's token, open nothing.
        var csrf = DashboardFixture.CsrfOf(form);
        using var wrong = await LoginAsync(remote, EmulatorProcess.NewApiKey(), csrf);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        using var tokenless = await LoginAsync(remote, mine, null);
        Assert.Equal(HttpStatusCode.Forbidden, tokenless.StatusCode);

        using var login = await LoginAsync(remote, mine, csrf);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("HttpOnly", cookie, StringComparison.Ordinal);
        Assert.Contains("SameSite=Strict", cookie, StringComparison.Ordinal);
        Assert.Contains("Path=/_klinky", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(mine, cookie, StringComparison.Ordinal);
        var session = cookie.Split(';')[0];

        foreach (var path in new[] { "_klinky/", "_klinky/budget" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", session } } };
            using var page = await remote.SendAsync(request);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain(mine, html, StringComparison.Ordinal);
            Assert.DoesNotContain("theirs-", html, StringComparison.Ordinal);
            if (path == "_klinky/")
            {
                Assert.Contains("mine-", html, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(mine[..16] + "…", html, StringComparison.Ordinal);
            }
        }
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string key, string? csrf)
    {
        var fields = new Dictionary<string, string> { ["api_key"] = key };
        if (csrf is not null)
        {
            fields["csrf"] = csrf;
        }

        return client.PostAsync("_klinky/login", new FormUrlEncodedContent(fields));
    }
}
