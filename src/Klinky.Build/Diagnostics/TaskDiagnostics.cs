using Klinky.Http;
using Microsoft.Build.Utilities;

namespace Klinky.Build.Diagnostics;

/// <summary>
/// Writes coded diagnostics against the user's project file, scrubbing the API key from every message as a
/// last line of defence (Klinky.Core never puts it in a message, but a server could echo it back in a detail).
/// </summary>
internal sealed class TaskDiagnostics
{
    private readonly TaskLoggingHelper _log;
    private readonly string _projectFile;
    private readonly bool _failOnError;
    private readonly SecretRedactor _redactor = new();

    public TaskDiagnostics(TaskLoggingHelper log, string? projectFile, bool failOnError)
    {
        _log = log;
        _projectFile = projectFile ?? "";
        _failOnError = failOnError;
    }

    public bool HasLoggedErrors => _log.HasLoggedErrors;

    /// <summary>Registers the key so it is replaced wherever it might appear in text we log.</summary>
    public void Redact(string secret) => _redactor.Add(secret);

    /// <summary>A configuration problem: always an error, the build cannot do what the project asks.</summary>
    public void Error(KlinkyDiagnostic diagnostic, string message) =>
        _log.LogError(null, diagnostic.Code, null, diagnostic.HelpLink, _projectFile, 0, 0, 0, 0, "{0}", Scrub(message));

    /// <summary>An outage (unreachable, 5xx, rate limit, timeout): a warning, unless KlinkyFailOnError asks for an error.</summary>
    public void Outage(KlinkyDiagnostic diagnostic, string message)
    {
        if (_failOnError)
        {
            Error(diagnostic, message);
        }
        else
        {
            Warning(diagnostic, message + " The build continues; set KlinkyFailOnError=true to fail it instead.");
        }
    }

    public void Warning(KlinkyDiagnostic diagnostic, string message) =>
        _log.LogWarning(null, diagnostic.Code, null, diagnostic.HelpLink, _projectFile, 0, 0, 0, 0, "{0}", Scrub(message));

    public void Summary(string message) => _log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "{0}", Scrub(message));

    public void Detail(string message) => _log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "{0}", Scrub(message));

    private string Scrub(string message) => _redactor.Redact(message);
}
