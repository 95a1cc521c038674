using System.Text.Json;
using System.Text.Unicode;
using Klinky.Serialization;
using Microsoft.Net.Http.Headers;

namespace Klinky.Emulator.Http;

/// <summary>
/// Reads a JSON request body the way the hosted service answers bad ones: 413 above 1 MiB, 415 for another content type,
/// 422 (FastAPI's list form) for invalid UTF-8, invalid JSON and wrong-typed fields. Unknown fields are ignored.
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return new(Problem: Problems.Status(StatusCodes.Status413PayloadTooLarge, $"Request body is {request.ContentLength} bytes; the limit is 1 MiB ({MaxBytes} bytes)"));
        }

        if (ContentTypeProblem(request.ContentType) is { } contentProblem)
        {
            return new(Problem: Problems.Status(StatusCodes.Status415UnsupportedMediaType, contentProblem));
        }

        var bytes = await ReadLimitedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new(Problem: Problems.Status(StatusCodes.Status413PayloadTooLarge, $"Request body is larger than 1 MiB ({MaxBytes} bytes)"));
        }

        if (!Utf8.IsValid(bytes))
        {
            return new(Problem: Problems.Invalid(new object[] { "body" }, "Request body is not valid UTF-8", "value_error"));
        }

        if (bytes.Length == 0 || bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return new(Problem: Problems.Invalid(new object[] { "body" }, "Field required: a JSON body is missing", "missing"));
        }

        try
        {
            using var _ = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            return new(Problem: Problems.Invalid(new object[] { "body", ex.BytePositionInLine ?? 0 }, "JSON decode error: " + JsonTypeWords.Rewrite(ex.Message), "json_invalid"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, KlinkyJson.Options);
            return value is null
                ? new(Problem: Problems.Invalid(new object[] { "body" }, "Field required: the body is null, a JSON value is expected", "missing"))
                : new(value);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path;
            return new(Problem: Problems.Invalid(ErrorLocation.Of("body", path), $"Input has the wrong type at {path}: " + JsonTypeWords.Rewrite(ex.Message), "type_error"));
        }
    }

    private static string? ContentTypeProblem(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return "Content-Type is missing; send application/json";
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return $"Content-Type '{contentType}' cannot be read; send application/json";
        }

        var mediaType = media.MediaType.Value ?? "";
        var isJson = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        if (!isJson)
        {
            return $"Content-Type '{mediaType}' is not supported; send application/json";
        }

        var charset = media.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"charset '{charset}' is not supported; send UTF-8";
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
