using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Klinky.Emulator.OpenApi;

/// <summary>
/// Describes the API as a client generator needs it: servers that end in <c>/api/v1</c> (this emulator, then the hosted service)
/// with paths relative to them, the <c>X-API-Key</c> scheme required on every operation, and described tags.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string ApiPrefix = "/api/v1";
    public const string SecuritySchemeName = "ApiKey";
    public const string HostedBaseUrl = "https://klinky-api.fly.dev/api/v1";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Links"] = "Smart links: create, list, read, update, re-weight and delete; their clicks, stats and winner.",
        ["Conversions"] = "Server-side conversion tracking (this toolkit's proposal).",
        ["Keys"] = "The API key's hourly request budget.",
        ["Webhooks"] = "Signed event deliveries (this toolkit's proposal; the emulator delivers to loopback only).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Klinky API";
        document.Info.Version = "v1";
        document.Info.Description =
            "Klinky's public REST API as served by klinky-emulator: A/B-testing smart links, their clicks, statistics, winners, "
            + "conversions and webhooks. Every call needs an API key in X-API-Key and counts against the key's hourly budget "
            + "(see the X-RateLimit-* headers); GET /public/keys/rate-limit does not count.";
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };

        var emulator = document.Servers?.FirstOrDefault()?.Url?.TrimEnd('/');
        document.Servers = new List<OpenApiServer>();
        if (!string.IsNullOrEmpty(emulator))
        {
            document.Servers.Add(new OpenApiServer { Url = emulator + ApiPrefix, Description = "This emulator" });
        }

        document.Servers.Add(new OpenApiServer { Url = HostedBaseUrl, Description = "The hosted Klinky service" });
        RebasePaths(document);

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-API-Key",
            Description = "The workspace's API key (klinky_live_ followed by 32 characters on the hosted service).",
        };
        document.Security = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = new List<string>() },
        };

        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Where(t => used.Contains(t.Key)).Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        return Task.CompletedTask;
    }

    // Generated clients take the base URL users already know (…/api/v1) and name calls after the rest of the path.
    private static void RebasePaths(OpenApiDocument document)
    {
        var rebased = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var relative = path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal) ? path[ApiPrefix.Length..] : path;
            rebased[relative] = item;
        }

        document.Paths = rebased;
    }
}
