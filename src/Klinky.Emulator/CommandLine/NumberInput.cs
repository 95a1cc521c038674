using System.Globalization;

namespace Klinky.Emulator.CommandLine;

/// <summary>Whole-number option values, checked against their range with a message in the command line's words.</summary>
internal static class NumberInput
{
    public static int Parse(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number {min}-{max}, not '{text}'");
}
