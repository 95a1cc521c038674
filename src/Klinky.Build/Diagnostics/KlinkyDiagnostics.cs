namespace Klinky.Build.Diagnostics;

/// <summary>Every code the package reports. Codes are stable: a page per code documents cause and fix.</summary>
internal static class KlinkyDiagnostics
{
    public static readonly KlinkyDiagnostic MissingApiKey = new("KLINKY001", "API key missing");
    public static readonly KlinkyDiagnostic HttpFailure = new("KLINKY002", "Klinky answered with an error");
    public static readonly KlinkyDiagnostic InvalidLinks = new("KLINKY003", "Invalid preview link items");
    public static readonly KlinkyDiagnostic UnsupportedHost = new("KLINKY004", "Unsupported MSBuild host");
    public static readonly KlinkyDiagnostic Timeout = new("KLINKY005", "Klinky did not answer in time");
    public static readonly KlinkyDiagnostic RateLimited = new("KLINKY006", "Klinky rate limit reached");
    public static readonly KlinkyDiagnostic Unreachable = new("KLINKY007", "Klinky unreachable");
    public static readonly KlinkyDiagnostic InvalidProperty = new("KLINKY008", "Invalid Klinky property");
    public static readonly KlinkyDiagnostic OutputNotWritten = new("KLINKY009", "Manifest or CI output not written");
    public static readonly KlinkyDiagnostic ProxyRefused = new("KLINKY010", "Proxy authentication required");
}
