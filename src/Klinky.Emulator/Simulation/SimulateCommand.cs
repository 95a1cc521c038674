using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Klinky.Emulator.Redirects;
using Klinky.Links;
using Klinky.Serialization;

namespace Klinky.Emulator.Simulation;

/// <summary>
/// Plays visitors against a running emulator over HTTP: real redirects (each visitor with its own <c>klinky_vid</c>), and
/// conversions through <c>POST /public/conversions</c> at the given rate per variant. Every visitor's id and dice come from
/// the seed by index, so a seed gives the same traffic however the requests interleave.
/// </summary>
internal static class SimulateCommand
{
    private const int Parallelism = 8;

    public static async Task<int> RunAsync(SimulateSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = Parallelism };
        using var http = new HttpClient(handler) { BaseAddress = settings.RootUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-API-Key", settings.ApiKey);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) klinky-simulate/1.0");

        // Refused before a request is spent: a run that would empty the hour's budget leaves nothing for the reports.
        var budget = await SimulationBudget.ReadAsync(http, cancellationToken).ConfigureAwait(false);
        var needed = SimulationBudget.MostRequests(settings);
        if (budget is not null && needed > budget.Remaining && !settings.IgnoreBudget)
        {
            await Console.Error.WriteLineAsync(budget.Refusal(needed, DateTimeOffset.UtcNow)).ConfigureAwait(false);
            return 1;
        }

        var spent = new RequestCounter();
        var link = await FindLinkAsync(http, settings.Slug, spent, cancellationToken).ConfigureAwait(false);
        if (link is null)
        {
            await Console.Error.WriteLineAsync($"simulate: no link with slug '{settings.Slug}' in this key's workspace").ConfigureAwait(false);
            return 1;
        }

        var outcomes = new VisitorOutcome[settings.Visitors];
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Visitors), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) => outcomes[index] = await VisitAsync(http, settings, link, index, spent, token).ConfigureAwait(false)).ConfigureAwait(false);

        output.WriteLine($"Simulated {settings.Visitors} visitors on /{settings.Slug} (seed {settings.Seed}):");
        foreach (var variant in link.Variants)
        {
            var visits = outcomes.Count(o => o.VariantLabel == variant.Label);
            var conversions = outcomes.Count(o => o.VariantLabel == variant.Label && o.Converted);
            var duplicates = outcomes.Count(o => o.VariantLabel == variant.Label && o.Deduplicated);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {variant.Label,-20} visitors {visits,7}  conversions {conversions,6}  deduplicated {duplicates,6}"));
        }

        // "conversions" counts only what the emulator accepted as new; a conversion it took for a duplicate is said so here,
        // never folded into the count (it would then print numbers the stats do not show).
        var deduplicated = outcomes.Count(o => o.Deduplicated);
        if (deduplicated > 0)
        {
            output.WriteLine($"  {deduplicated} conversions were taken for duplicates of earlier ones (same external_id) and not counted again");
        }

        var failed = outcomes.Count(o => o.Failed);
        if (failed > 0)
        {
            output.WriteLine($"  {failed} visitors failed (see the emulator's answers)");
        }

        if (!link.EnableConversionTracking && settings.ConversionRates.Count > 0)
        {
            output.WriteLine("  conversion tracking is off for this link: no kl_cid, so no conversions were sent");
        }

        var left = await SimulationBudget.ReadAsync(http, cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  API requests: {spent.Count} spent ({spent.Count - spent.Conversions} to find the link, {spent.Conversions} conversions; redirects are free){(left is null ? "" : $", {left.Remaining} of {left.Limit} left this hour")}"));
        return failed == 0 ? 0 : 1;
    }

    private static async Task<Link?> FindLinkAsync(HttpClient http, string slug, RequestCounter spent, CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            spent.Lookup();
            using var response = await http.GetAsync($"api/v1/public/links?per_page=100&page={page}&slug={Uri.EscapeDataString(slug)}", cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var items = document.RootElement.GetProperty("items").Deserialize<List<Link>>(KlinkyJson.Options) ?? new List<Link>();
            if (items.FirstOrDefault(l => l.Slug == slug) is { } found)
            {
                return found;
            }

            if (items.Count == 0)
            {
                return null;
            }
        }
    }

    private static async Task<VisitorOutcome> VisitAsync(HttpClient http, SimulateSettings settings, Link link, int index, RequestCounter spent, CancellationToken cancellationToken)
    {
        var (visitorId, roll) = VisitorDice.For(settings.Seed, index);
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri.EscapeDataString(settings.Slug));
        request.Headers.Add("Cookie", $"{RedirectHandler.VisitorCookie}={visitorId}");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is not { } location)
        {
            return new VisitorOutcome(null, false, true);
        }

        var (destination, clickId) = SplitClickId(location.ToString());
        var variant = link.Variants.FirstOrDefault(v => v.DestinationUrl == destination);
        if (variant is null || clickId is null || roll >= settings.ConversionRates.GetValueOrDefault(variant.Label))
        {
            return new VisitorOutcome(variant?.Label, false, variant is null);
        }

        // external_id is deduplicated per workspace: the link's id makes it unique to this link, so a re-created link (same slug,
        // same seed) or another link played with the same seed still has its conversions counted.
        var body = new Dictionary<string, object> { ["click_id"] = clickId, ["event"] = "signup", ["external_id"] = $"sim-{link.Id}-{settings.Seed}-{index}" };
        spent.Conversion();
        using var conversion = await http.PostAsJsonAsync("api/v1/public/conversions", body, cancellationToken).ConfigureAwait(false);
        if (conversion.StatusCode != HttpStatusCode.Accepted)
        {
            return new VisitorOutcome(variant.Label, false, true);
        }

        using var answer = JsonDocument.Parse(await conversion.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var duplicate = answer.RootElement.TryGetProperty("deduplicated", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new VisitorOutcome(variant.Label, !duplicate, false, duplicate);
    }

    private static (string Destination, string? ClickId) SplitClickId(string location)
    {
        var marker = location.IndexOf("kl_cid=", StringComparison.Ordinal);
        if (marker < 1)
        {
            return (location, null);
        }

        var end = location.IndexOfAny(new[] { '&', '#' }, marker);
        var clickId = end < 0 ? location[(marker + 7)..] : location[(marker + 7)..end];
        var before = location[..(marker - 1)];
        var after = end < 0 ? "" : location[end..];
        if (after.StartsWith('&'))
        {
            after = location[marker - 1] + after[1..];
        }

        return (before + after, clickId);
    }
}
