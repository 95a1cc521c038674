using Klinky.Emulator.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace Klinky.Emulator.Hosting;

/// <summary>
/// Unknown routes answer 404 <c>{"detail":"Not Found"}</c> and wrong methods 405 <c>{"detail":"Method Not Allowed"}</c>, as
/// FastAPI does. A client tells a missing route from a missing link by this exact detail ("Link not found" is the other).
/// </summary>
internal static class RouteFallbackBodies
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        return http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ErrorWriter.WriteAsync(http, StatusCodes.Status404NotFound, "Not Found"),
            StatusCodes.Status405MethodNotAllowed => ErrorWriter.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed"),
            StatusCodes.Status415UnsupportedMediaType => ErrorWriter.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{http.Request.ContentType}' is not supported; send application/json"),
            var other => ErrorWriter.WriteAsync(http, other, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(other)),
        };
    }
}
