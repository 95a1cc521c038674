using Klinky.Emulator.Chaos;
using Klinky.Emulator.Dashboard;
using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Endpoints;
using Klinky.Emulator.Http;
using Klinky.Emulator.OpenApi;
using Klinky.Emulator.Redirects;
using Klinky.Emulator.Security;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Webhooks;
using Klinky.Emulator.Winners;

namespace Klinky.Emulator.Hosting;

/// <summary>Builds the emulator's web application from its settings: services, the <c>/api</c> pipeline and the redirect route.</summary>
internal static class EmulatorApp
{
    public const string OpenApiPath = "/api/v1/openapi.json";

    /// <summary>The app over <paramref name="database"/>, opened (and checked) by the caller, who disposes it after the app.</summary>
    public static WebApplication Build(ServeSettings settings, Database database)
    {
        // No watching of appsettings files for changes: the emulator reads none, and the watcher over the working folder woke
        // for every write of a database kept there (the WAL, the click journal), a tenth of a core under load.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = new[] { "--hostBuilder:reloadConfigOnChange=false" } });
        builder.WebHost.UseUrls(settings.Urls);
        var certificate = DevelopmentCertificate.IsNeededFor(settings.Urls) ? DevelopmentCertificate.Create() : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 8 * JsonBody.MaxBytes;
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate.Certificate);
            }
        });
        if (certificate is not null)
        {
            // The slim builder leaves https support out unless asked; the certificate is disposed with the application, which
            // removes its PEM file (a factory registration, since the container disposes only what it creates).
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.Services.AddSingleton(_ => certificate);
        }

        // Redirects are answered on the socket's own thread instead of hopping to the thread pool: on a small, busy machine
        // every hop is a chance to wait for a core, which is what the p99 of the redirect benchmark measures.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => WireJson.Apply(o.SerializerOptions));
        builder.Services.AddKlinkyOpenApi();

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<SessionSigner>();
        services.AddSingleton(new ApiKeyRing(settings.ApiKeys));
        services.AddSingleton(sp => new RateLimiter(sp.GetRequiredService<TimeProvider>(), settings.HourlyLimit, settings.RateWindow));
        services.AddSingleton<LinkStore>();
        services.AddSingleton<CounterCache>();
        services.AddSingleton<ClickTimeline>();
        services.AddSingleton<VerdictMemoryStore>();
        services.AddSingleton<ClickQueries>();
        services.AddSingleton<ConversionStore>();
        services.AddSingleton<LinkStatsService>();
        services.AddSingleton<RedirectHandler>();
        services.AddSingleton<ClickWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ClickWriter>());
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<AutoWinnerService>();
        services.AddHostedService(sp => sp.GetRequiredService<AutoWinnerService>());
        services.AddDashboard();

        var app = builder.Build();

        // The redirect is the hot path: answered before routing and the API's middleware, which it needs none of.
        var redirects = app.Services.GetRequiredService<RedirectHandler>();
        app.Use(next => context => RedirectHandler.IsRedirect(context.Request) ? redirects.HandleAsync(context) : next(context));
        app.UseStatusCodePages(RouteFallbackBodies.WriteAsync);
        app.UseWhen(DashboardGate.IsDashboard, dashboard => dashboard.UseMiddleware<DashboardGate>());
        app.UseWhen(IsGuardedApi, api =>
        {
            api.UseMiddleware<ApiGateMiddleware>();
            if (settings.Chaos is { } chaos)
            {
                api.UseMiddleware<ChaosMiddleware>(chaos);
            }
        });

        app.MapHealth();
        app.MapOpenApi(OpenApiPath);
        app.MapKlinkyApi(settings.Profile);
        app.MapDashboard();
        return app;
    }

    private static bool IsGuardedApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.Equals(OpenApiPath, StringComparison.OrdinalIgnoreCase);
}
