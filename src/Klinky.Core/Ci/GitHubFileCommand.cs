namespace Klinky.Ci;

/// <summary>
/// One entry for a GitHub Actions file command (<c>GITHUB_OUTPUT</c>, <c>GITHUB_ENV</c>, <c>GITHUB_STATE</c>) in the
/// heredoc form, as actions/toolkit writes it (packages/core/src/file-command.ts, <c>prepareKeyValueMessage</c>):
/// a random delimiter for every value, and a name or value that contains it refused, so a value can never end its
/// block early and set other outputs. Every surface that talks to the runner formats its entries here (Klinky.Build
/// compiles this file in; <see cref="GitHubStepFiles"/> writes them).
/// </summary>
internal static class GitHubFileCommand
{
    /// <summary><c>name&lt;&lt;DELIMITER</c>, the value and the delimiter, each on its own line, ending with a newline.</summary>
    /// <exception cref="ArgumentException">The name is empty, or the name or value contains the delimiter.</exception>
    public static string KeyValue(string name, string value) => KeyValue(name, value, "ghadelimiter_" + Guid.NewGuid().ToString("N"));

    internal static string KeyValue(string name, string value, string delimiter)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A file command needs a name.", nameof(name));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (name.IndexOf(delimiter, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"Unexpected input: name should not contain the delimiter \"{delimiter}\".", nameof(name));
        }

        if (value.IndexOf(delimiter, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"Unexpected input: value should not contain the delimiter \"{delimiter}\".", nameof(value));
        }

        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }
}
