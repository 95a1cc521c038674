namespace Klinky.Action.Runner;

/// <summary>
/// The escaping GitHub's runner undoes in <c>::command prop=value::data</c> lines (the same as @actions/core):
/// without it a newline in a message would end the command and the rest would print as plain log text.
/// </summary>
internal static class WorkflowCommandEscaping
{
    public static string Data(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    public static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
