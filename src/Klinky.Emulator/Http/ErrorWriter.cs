using System.Text.Json;

namespace Klinky.Emulator.Http;

/// <summary>Writes <c>{"detail": ...}</c> from middleware, where no endpoint result is at hand.</summary>
internal static class ErrorWriter
{
    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new ErrorDetail(detail), WireJson.Options), context.RequestAborted);
    }
}
