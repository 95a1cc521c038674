using System.Globalization;
using System.Net.Http.Json;
using Klinky.Emulator.Simulation;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// The dashboard's POSTs (already checked by <see cref="DashboardGate"/>: same origin, valid token). Declaring a winner goes
/// through the emulator's own API with the link's key, so the API's rules and webhooks apply and the request shows in the
/// budget; a reset has no API row and works on the store. The page's script asks for a short text answer
/// (<c>X-Klinky-Async</c>); a plain form post is sent back to the link's page.
/// </summary>
internal static class DashboardActions
{
    private const string AsyncHeader = "X-Klinky-Async";
    private static readonly HttpClient SelfClient = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task SimulateAsync(HttpContext context, LinkRecord link, DashboardKeys keys, DashboardSimulations simulations)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var errors = new List<string>();
        var visitors = ReadInt(form["visitors"], "visitors", 1, DashboardSimulations.MaxVisitors, errors);
        var seed = ReadInt(form["seed"], "seed", int.MinValue, int.MaxValue, errors);
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < link.Variants.Count; i++)
        {
            var text = form[$"rate{i}"].ToString();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1 || double.IsNaN(rate))
            {
                errors.Add($"the conversion rate of '{link.Variants[i].Label}' must be a number from 0 to 1");
                continue;
            }

            rates[link.Variants[i].Label] = rate;
        }

        if (errors.Count > 0)
        {
            await AnswerAsync(context, link, StatusCodes.Status422UnprocessableEntity, "Not started: " + string.Join("; ", errors) + ".").ConfigureAwait(false);
            return;
        }

        var settings = new SimulateSettings(SelfAddress.Of(context), keys.KeyOf(link.Workspace)!, link.Slug, visitors, rates, seed);
        var started = simulations.TryStart(link.Id, settings);
        await AnswerAsync(context, link, started ? StatusCodes.Status202Accepted : StatusCodes.Status409Conflict,
            started ? $"Simulating {visitors:N0} visitors (seed {seed}); the counts update as they arrive." : "A simulation of this link is already running; wait for it to end.").ConfigureAwait(false);
    }

    public static async Task DeclareWinnerAsync(HttpContext context, LinkRecord link, DashboardKeys keys, LiveFeed feed)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var label = form["label"].ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(SelfAddress.Of(context), $"api/v1/public/links/{Uri.EscapeDataString(link.Id)}/winner"))
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["label"] = label }),
        };
        request.Headers.Add("X-API-Key", keys.KeyOf(link.Workspace));
        using var response = await SelfClient.SendAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The API's own words (its error bodies never carry the key).
            var detail = await response.Content.ReadAsStringAsync(context.RequestAborted).ConfigureAwait(false);
            await AnswerAsync(context, link, (int)response.StatusCode, $"The API refused the winner ({(int)response.StatusCode}): {detail}").ConfigureAwait(false);
            return;
        }

        feed.Publish(link.Id, "state", new { winner = label });
        await AnswerAsync(context, link, StatusCodes.Status200OK, $"Declared '{label}' the winner: every visitor now goes there.").ConfigureAwait(false);
    }

    public static async Task ResetAsync(HttpContext context, LinkRecord link, TrafficReset reset, LiveFeed feed, LiveFragments fragments)
    {
        var removed = await reset.ResetAsync(link.Id, context.RequestAborted).ConfigureAwait(false);
        fragments.Forget(link.Id);
        feed.Publish(link.Id, "state", new { reset = true });
        await AnswerAsync(context, link, StatusCodes.Status200OK, $"Forgot {removed:N0} clicks and their conversions.").ConfigureAwait(false);
    }

    private static int ReadInt(string? text, string field, int min, int max, List<string> errors)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return (int)value;
        }

        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} must be a whole number from {min:N0} to {max:N0}"));
        return 0;
    }

    private static Task AnswerAsync(HttpContext context, LinkRecord link, int status, string message)
    {
        if (context.Request.Headers.ContainsKey(AsyncHeader))
        {
            return DashboardResponses.TextAsync(context, status, message);
        }

        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"{DashboardGate.Prefix}/links/{Uri.EscapeDataString(link.Id)}";
        return Task.CompletedTask;
    }
}
