using System.Text;
using Klinky.Testing;

namespace Klinky.Docs.Tests.Samples;

/// <summary>
/// A page's PowerShell and shell samples (<c>sample: run</c>), in the page's order, as one PowerShell session that starts
/// in the repository root, as a reader following the page would type them. Shell blocks run through bash from the
/// repository root. Any error stops the script; <c>Read-Host</c> answers what the page says to type (the key).
/// </summary>
internal static class PageScript
{
    public static IReadOnlyList<DocSample> RunnableBlocks(string page) =>
        DocSamples.Read(page).Where(s => s.Directive == "run" && s.Language is "powershell" or "bash").ToList();

    public static string Build(IReadOnlyList<DocSample> blocks, DocEmulator emulator)
    {
        var script = new StringBuilder();
        script.AppendLine("$ErrorActionPreference = 'Stop'");
        script.AppendLine("$PSNativeCommandUseErrorActionPreference = $true");
        script.AppendLine($$"""
            function Read-Host { param([Parameter(Position = 0)] $Prompt, [switch] $AsSecureString)
                if ($AsSecureString) { ConvertTo-SecureString {{Quote(emulator.ApiKey)}} -AsPlainText -Force } else { {{Quote(emulator.ApiKey)}} } }
            """);
        script.AppendLine($"Set-Location {Quote(RepositoryPaths.Root)}");
        foreach (var block in blocks)
        {
            script.AppendLine($"Write-Host {Quote("### " + block)}");
            var code = emulator.Localize(block.Code).TrimEnd('\n');
            if (block.Language == "bash")
            {
                // A shell block is typed in a terminal standing in the repository root, as the pages say.
                script.AppendLine($"Push-Location {Quote(RepositoryPaths.Root)}");
                script.AppendLine("& bash -euo pipefail -c @'");
                script.AppendLine(code);
                script.AppendLine("'@");
                script.AppendLine("Pop-Location");
            }
            else
            {
                script.AppendLine(code);
            }
        }

        script.AppendLine("Write-Host \"### module: $((Get-Module Klinky).ModuleBase)\"");
        script.AppendLine("Write-Host '### all samples ran'");
        return script.ToString();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
