using System.Management.Automation;
using System.Security;

namespace Klinky.PowerShell.Connection;

/// <summary>
/// -ApiKey given as plain text: PowerShell's own conversion error would quote the key and say nothing useful. This one
/// never shows the key and says how to give it as a SecureString.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecureKeyTransformationAttribute : ArgumentTransformationAttribute
{
    public const string Message = "The API key must be a SecureString, not plain text (which stays in the command history). "
        + "Type it with -ApiKey (Read-Host -AsSecureString 'Klinky API key'), or in a script convert it: "
        + "-ApiKey (ConvertTo-SecureString $env:KLINKY_API_KEY -AsPlainText -Force).";

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is string)
        {
            throw new ArgumentTransformationMetadataException(Message);
        }

        return value is SecureString ? value : inputData;
    }
}
