using System.Text;

namespace Klinky.Build.Manifest;

/// <summary>
/// Exclusive access to a file shared by parallel builds (<c>-m</c>, several projects, one manifest or GITHUB_OUTPUT).
/// FileShare.None is an OS lock on every platform .NET runs on, so writers queue up instead of interleaving.
/// </summary>
internal static class LockedFile
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Reads the file under the same lock its writers take; null when it does not exist.</summary>
    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = await OpenAsync(path, FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8, true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the file (empty when new), lets <paramref name="update"/> compute the new text, writes it, all under one lock.</summary>
    public static async Task UpdateAsync(string path, Func<string, string> update, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = await OpenAsync(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        string current;
        using (var reader = new StreamReader(stream, Encoding.UTF8, true, 4096, leaveOpen: true))
        {
            current = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var bytes = new UTF8Encoding(false).GetBytes(update(current));
        stream.SetLength(0);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<FileStream> OpenAsync(string path, FileMode mode, FileAccess access, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new FileStream(path, mode, access, FileShare.None);
            }
            catch (IOException) when (waited < MaxWait && File.Exists(path))
            {
                // Held by another build node: wait our turn.
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
                waited += RetryDelay;
            }
        }
    }
}
