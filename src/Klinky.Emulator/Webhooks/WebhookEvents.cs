namespace Klinky.Emulator.Webhooks;

/// <summary>The event types of the contract's webhooks.</summary>
internal static class WebhookEvents
{
    public const string LinkCreated = "link.created";
    public const string ConversionTracked = "conversion.tracked";
    public const string WinnerDeclared = "winner.declared";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { LinkCreated, ConversionTracked, WinnerDeclared };
}
