using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Redirects;

/// <summary>
/// Signs visit-session cookies with HMAC-SHA256 under a key only the emulator knows (generated once, kept in its database so
/// sessions survive a restart): a cookie a client writes itself, with its own click id or a ten-year expiry, fails the check.
/// </summary>
internal sealed class SessionSigner : IDisposable
{
    private const string SecretName = "visit_session_key";
    private const int TagChars = 43; // base64url of 32 bytes, unpadded
    private const int MaxPayloadBytes = 512;
    private readonly byte[] _key;

    // One HMAC per thread, reset after each tag: the one-shot API sets up a new native context for every redirect.
    private readonly ThreadLocal<IncrementalHash> _hmac;

    public SessionSigner(Database database)
    {
        _key = database.Run(connection =>
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT value FROM emulator_secrets WHERE name = $name";
            read.Parameters.AddWithValue("$name", SecretName);
            if (read.ExecuteScalar() is byte[] { Length: 32 } stored)
            {
                return stored;
            }

            var key = RandomNumberGenerator.GetBytes(32);
            using var write = connection.CreateCommand();
            write.CommandText = "INSERT OR REPLACE INTO emulator_secrets (name, value) VALUES ($name, $value)";
            write.Parameters.AddWithValue("$name", SecretName);
            write.Parameters.AddWithValue("$value", key);
            write.ExecuteNonQuery();
            return key;
        });
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key), trackAllValues: true);
    }

    /// <summary><paramref name="payload"/> followed by a dot and its tag.</summary>
    public string Sign(string payload) => payload + "." + Tag(payload);

    /// <summary>The payload of a signed value, or null when the tag does not match.</summary>
    public string? Verify(string signed)
    {
        var dot = signed.LastIndexOf('.');
        if (dot <= 0 || signed.Length - dot - 1 != TagChars)
        {
            return null;
        }

        var payload = signed[..dot];
        var expected = Encoding.ASCII.GetBytes(Tag(payload));
        var presented = Encoding.ASCII.GetBytes(signed[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? payload : null;
    }

    private string Tag(string payload)
    {
        Span<byte> bytes = stackalloc byte[MaxPayloadBytes];
        Span<byte> tag = stackalloc byte[32];
        var hmac = _hmac.Value!;
        if (Encoding.UTF8.TryGetBytes(payload, bytes, out var length))
        {
            hmac.AppendData(bytes[..length]);
        }
        else
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(payload));
        }

        hmac.GetHashAndReset(tag);
        return Base64Url.EncodeToString(tag);
    }

    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
    }
}
