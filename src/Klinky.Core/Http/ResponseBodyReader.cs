using System.Buffers;
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
        return announced is { } length
            ? await ReadKnownLengthAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
            : await ReadUpToAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    // The common case (Klinky sends Content-Length): a pooled buffer of the body's size, as HttpClient's own read uses,
    // so the only allocation per answer is the text itself.
    private static async Task<string> ReadKnownLengthAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            var filled = 0;
            int read;
            while (filled < length && (read = await stream.ReadAsync(bytes, filled, length - filled, cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return Decode(bytes, filled);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // No length (a chunked answer): fill one pooled chunk first, which holds any ordinary Klinky answer whole; only a
    // larger body goes on into a growing buffer, checked against the cap as it grows.
    private static async Task<string?> ReadUpToAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var filled = await FillAsync(stream, chunk, cancellationToken).ConfigureAwait(false);
            if (filled < chunk.Length)
            {
                return filled > maxBytes ? null : Decode(chunk, filled);
            }

            using var buffer = new MemoryStream();
            do
            {
                if (buffer.Length + filled > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, filled);
            }
            while ((filled = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0);

            return Decode(buffer.GetBuffer(), (int)buffer.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static async Task<int> FillAsync(Stream stream, byte[] chunk, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < chunk.Length && (read = await stream.ReadAsync(chunk, filled, chunk.Length - filled, cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    // JSON is UTF-8 (RFC 8259); anything else is only ever described, never parsed. A BOM is not part of the text.
    private static string Decode(byte[] bytes, int count)
    {
        var bom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, bom, count - bom);
    }
}
