using System.Net;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;
using Microsoft.Data.Sqlite;

namespace Klinky.Emulator.Tests.Redirects;

public sealed class LegacyDestinationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-legacy-").FullName;

    [Fact]
    public async Task Redirect_ADestinationStoredBeforeTheUrlRules_IsSentInItsAsciiFormNot500()
    {
        var options = new EmulatorOptions { ApiKeys = new[] { EmulatorProcess.NewApiKey() }, DatabasePath = Path.Combine(_folder, "legacy.db") };
        var slug = Api.NewSlug("legacy");
        await using (var first = await EmulatorProcess.StartAsync(options))
        {
            using var api = new HttpClient { BaseAddress = new Uri(first.RootUrl + "/") };
            api.DefaultRequestHeaders.Add("X-API-Key", first.ApiKey);
            await Api.CreateLinkAsync(api, Api.LinkBody(slug, controlWeight: 100, tracking: false));
            Assert.Equal(0, await first.StopAsync());
        }

        // What an older emulator accepted: an IDN host and a raw non-ASCII path, written as it was stored then.
        using (var connection = new SqliteConnection($"Data Source={options.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE links SET variants = replace(variants, 'https://example.com/a', 'https://ex\u00E4mple.com/caf\u00E9') WHERE slug = $slug";
            update.Parameters.AddWithValue("$slug", slug);
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        await using var restarted = await EmulatorProcess.StartAsync(options);
        using var visitor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(restarted.RootUrl + "/") };
        using var response = await visitor.GetAsync(slug);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://xn--exmple-cua.com/caf%C3%A9", response.Headers.Location!.OriginalString);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
