namespace Klinky.Ci;

/// <summary>Typed reads from an environment dictionary; empty and whitespace values count as absent, as CI systems set empty variables freely.</summary>
internal sealed class CiEnvironment
{
    private readonly IReadOnlyDictionary<string, string?> _values;

    public CiEnvironment(IReadOnlyDictionary<string, string?> values) => _values = values;

    public string? Get(string name) =>
        _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : null;

    public bool IsTrue(string name) =>
        Get(name) is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public int? GetPositiveInt(string name) => ParsePositiveInt(Get(name));

    public static int? ParsePositiveInt(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary><c>refs/heads/feature/x</c> to <c>feature/x</c>; other refs unchanged.</summary>
    public static string? StripHeads(string? reference) =>
        reference is not null && reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference.Substring("refs/heads/".Length) : reference;
}
