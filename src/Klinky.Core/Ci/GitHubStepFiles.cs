using System.Text;

namespace Klinky.Ci;

/// <summary>
/// The one writer of the files GitHub Actions gives a step (<c>GITHUB_OUTPUT</c>, <c>GITHUB_STEP_SUMMARY</c>), and the one
/// test of whether the process runs under GitHub Actions. Entries are formatted by <see cref="GitHubFileCommand"/>.
/// Writes append UTF-8 without a byte-order mark (the runner reads the files as such) while holding the file exclusively,
/// waiting a while for another writer (parallel MSBuild nodes append to the same step's files). Klinky.Build compiles
/// this file in (shared source); Core reads the variable through it too.
/// </summary>
internal static class GitHubStepFiles
{
    /// <summary>The variable every GitHub runner sets to <c>true</c>.</summary>
    public const string ActionsVariable = "GITHUB_ACTIONS";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>True under GitHub Actions (<c>GITHUB_ACTIONS</c> is <c>true</c> or <c>1</c>, as every CI flag is read).</summary>
    public static bool IsGitHubActions(Func<string, string?> environment) =>
        environment(ActionsVariable)?.Trim() is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Appends <paramref name="text"/> to the file at <paramref name="path"/>.</summary>
    public static Task AppendAsync(string path, string text, CancellationToken cancellationToken) =>
        AppendAsync(path, _ => Task.FromResult(text), cancellationToken);

    /// <summary>Appends what <paramref name="text"/> computes once the file is held, so it can read the others' latest state.</summary>
    public static async Task AppendAsync(string path, Func<CancellationToken, Task<string>> text, CancellationToken cancellationToken)
    {
        using var stream = await OpenExclusiveAsync(path, cancellationToken).ConfigureAwait(false);
        var bytes = Utf8NoBom.GetBytes(await text(cancellationToken).ConfigureAwait(false));
        await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (waited < MaxWait && File.Exists(path))
            {
                // Held by another writer (another build node): wait our turn.
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
                waited += RetryDelay;
            }
        }
    }
}
