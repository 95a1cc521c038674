namespace Klinky.Emulator.Dashboard;

/// <summary>The dashboard's static files, embedded in the assembly (no files beside the tool, no build step): its CSS and script.</summary>
internal static class DashboardAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
    };

    public static async Task ServeAsync(HttpContext context, string name)
    {
        var stream = Types.TryGetValue(name, out var type) ? typeof(DashboardAssets).Assembly.GetManifestResourceStream("Klinky.Emulator.Dashboard.Assets." + name) : null;
        if (stream is null)
        {
            await DashboardResponses.TextAsync(context, StatusCodes.Status404NotFound, "No such file.").ConfigureAwait(false);
            return;
        }

        await using (stream.ConfigureAwait(false))
        {
            context.Response.ContentType = type;
            context.Response.ContentLength = stream.Length;
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
