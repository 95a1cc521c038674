using System.IO.Compression;
using System.Text;

namespace Klinky.Build.Tests.Packaging;

/// <summary>What an MSBuild binary log (<c>-bl</c>) recorded, as text: where a secret must never appear.</summary>
internal static class BinaryLog
{
    // A .binlog is one gzip stream; strings inside are UTF-8.
    public static async Task<string> ReadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
