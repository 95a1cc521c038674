using System.Text.RegularExpressions;

namespace Klinky.Emulator.Tests.Support;

/// <summary>Finds a .NET type name in text a user reads: an exception type, or a name in the System/Microsoft namespaces.</summary>
internal static partial class DotNetTypeNames
{
    /// <summary>The first type name in <paramref name="text"/>, or null when it has none.</summary>
    public static string? In(string text) => TypeName().Match(text) is { Success: true } match ? match.Value : null;

    // "Microsoft.Hosting.Lifetime" is the console logger's category for the start-up lines, not a type a message names.
    [GeneratedRegex(@"\b\w*Exception\b|\bSystem\.[A-Z]\w+|\bMicrosoft\.(?!Hosting\.Lifetime\b)[A-Z]\w+")]
    private static partial Regex TypeName();
}
