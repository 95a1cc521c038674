namespace Klinky.Emulator.CommandLine;

/// <summary>
/// Where a command takes its API key from: <c>--api-key</c> (convenient, but visible to every user in the process list)
/// or the <c>KLINKY_API_KEY</c> environment variable, which is not. The key is never echoed, even when it is refused.
/// </summary>
internal static class ApiKeyInput
{
    public const string Variable = "KLINKY_API_KEY";

    /// <summary>The keys given with <c>--api-key</c>, or else the one in <c>KLINKY_API_KEY</c>, or else none.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? flagged) => Resolve(flagged, ProcessEnvironment.Get);

    /// <summary>As <see cref="Resolve(IReadOnlyList{string}?)"/>, reading <c>KLINKY_API_KEY</c> from <paramref name="environment"/>.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? flagged, Func<string, string?> environment)
    {
        if (flagged is { Count: > 0 })
        {
            return flagged.Select(k => Valid(k, "--api-key")).ToList();
        }

        var fromEnvironment = environment(Variable);
        return string.IsNullOrEmpty(fromEnvironment) ? Array.Empty<string>() : new[] { Valid(fromEnvironment, Variable) };
    }

    private static string Valid(string key, string source) =>
        string.IsNullOrWhiteSpace(key) || key.Length > 200 || key.Any(char.IsWhiteSpace)
            ? throw new UsageException($"{source} must be a non-empty value without spaces (at most 200 characters)")
            : key;
}
