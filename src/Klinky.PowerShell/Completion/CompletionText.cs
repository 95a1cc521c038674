namespace Klinky.PowerShell.Completion;

internal static class CompletionText
{
    public static string Unquote(string? word) => (word ?? "").Trim('\'', '"');

    // Slugs hold only letters, digits, '-' and '_', but a leading digit or '-' would otherwise parse as something else.
    public static string Quote(string value) => value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') && char.IsLetter(value[0])
        ? value
        : "'" + value.Replace("'", "''") + "'";
}
