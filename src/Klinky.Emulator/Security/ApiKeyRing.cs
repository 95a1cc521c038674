using System.Security.Cryptography;
using System.Text;

namespace Klinky.Emulator.Security;

/// <summary>The accepted keys, each its own workspace. Keys are compared as SHA-256 digests in constant time.</summary>
internal sealed class ApiKeyRing
{
    private readonly Workspace[] _workspaces;

    public ApiKeyRing(IEnumerable<string> keys)
    {
        _workspaces = keys.Select(Hash).Distinct(ByteArrayComparer.Instance).Select(h => new Workspace(Convert.ToHexStringLower(h), h)).ToArray();
    }

    public Workspace? Find(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        var presented = Hash(presentedKey);
        Workspace? match = null;

        // Every key is compared, so the time taken does not say which one (or whether one) matched.
        foreach (var workspace in _workspaces)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, workspace.KeyHash))
            {
                match = workspace;
            }
        }

        return match;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => BitConverter.ToInt32(obj, 0);
    }
}
