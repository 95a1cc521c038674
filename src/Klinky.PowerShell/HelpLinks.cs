namespace Klinky.PowerShell;

/// <summary>
/// Where Get-Help -Online goes: one section of docs/powershell.md per cmdlet, headed by the cmdlet's name, so the
/// anchor is the name in lower case (Get-KlinkyLink gives #get-klinkylink).
/// </summary>
internal static class HelpLinks
{
    public const string Page = "https://github.com/klinky/action/blob/main/docs/powershell.md";
}
