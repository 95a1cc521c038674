namespace Klinky.PowerShell;

/// <summary>PowerShell's common and risk-mitigation parameter names, to tell them apart from a cmdlet's own.</summary>
internal static class CommonParameters
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    public static bool Contains(string name) => Names.Contains(name);
}
