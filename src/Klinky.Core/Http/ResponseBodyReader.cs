using System.Text;

namespace Klinky.Http;

/// <summary>
/// Reads an answer's body up to the client's size cap. A larger answer fails before it is held in memory: one announced
/// by Content-Length without reading a byte of it, one without a length as soon as the cap is passed.
/// </summary>
internal static class ResponseBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body text, or null when the answer is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpContent? content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return "";
        }

        var announced = content.Headers.ContentLength;
        if (announced > maxBytes)
        {
            return null;
        }

#if NET8_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var buffer = new MemoryStream(announced is { } length ? (int)length : ChunkSize);
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        // JSON is UTF-8 (RFC 8259); anything else is only ever described, never parsed.
        var bytes = buffer.GetBuffer();
        var bom = buffer.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, bom, (int)buffer.Length - bom);
    }
}
