using System.Text;

namespace Klinky.Emulator.Dashboard;

/// <summary>Writes the dashboard's answers: pages, fragments and plain refusals, all UTF-8 and never cached.</summary>
internal static class DashboardResponses
{
    public static Task HtmlAsync(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    public static Task TextAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", Encoding.UTF8, context.RequestAborted);
    }
}
