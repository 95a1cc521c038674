using System.Net;
using System.Text.RegularExpressions;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Dashboard;

/// <summary>The dashboard's write (reset traffic) on a database that stops taking writes: the API's answer, in the user's terms.</summary>
public sealed partial class DashboardOnFailingStorageTests
{
    private const string Key = "klinky_live_dashboardfaulty";

    [Fact]
    public async Task ResetTraffic_OnAReadOnlyDatabase_Answers503NamingIt_NoTypeName_AndForgetsNothing()
    {
        await using var emulator = await InProcessEmulator.StartAsync(Key);
        var link = await Api.CreateLinkAsync(emulator.Api, Api.NewSlug());
        var (id, slug) = (link.GetProperty("id").GetString()!, link.GetProperty("slug").GetString()!);
        for (var i = 0; i < 5; i++)
        {
            await Api.VisitAsync(emulator.Visitor, slug, $"klinky_vid=visitor{i:D4}faulty");
        }

        var page = await emulator.Visitor.GetStringAsync($"_klinky/links/{id}");
        var csrf = CsrfField().Match(page).Groups[1].Value;
        emulator.Database.Execute("PRAGMA query_only = 1;");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"_klinky/links/{id}/reset") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf"] = csrf }) };
        request.Headers.Add("X-Klinky-Async", "1");
        using var response = await emulator.Visitor.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("read-only", text, StringComparison.Ordinal);
        Assert.Contains("nothing was written", text, StringComparison.Ordinal);
        Assert.Null(DotNetTypeNames.In(text));
        emulator.Database.Execute("PRAGMA query_only = 0;");
        var (_, stats) = await Api.GetAsync(emulator.Api, $"api/v1/public/links/{id}/stats");
        Assert.Equal(5, stats.GetProperty("total_clicks").GetInt64());
    }

    [GeneratedRegex("""name="csrf" value="([0-9a-f]{64})""")]
    private static partial Regex CsrfField();
}
