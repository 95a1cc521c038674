namespace Klinky.Action.Runner;

/// <summary>
/// Messages of the run. On a runner they become annotations (workflow commands on stdout); elsewhere plain lines on
/// stderr, so that stdout carries nothing but the Markdown report. Every message is redacted first.
/// </summary>
internal sealed class ActionLog
{
    private readonly GitHubFileCommands _commands;
    private readonly SecretRedactor _redactor;
    private readonly TextWriter _plain;
    private readonly bool _annotate;

    public ActionLog(GitHubFileCommands commands, SecretRedactor redactor, TextWriter plain, bool annotate)
    {
        _commands = commands;
        _redactor = redactor;
        _plain = plain;
        _annotate = annotate;
    }

    public void Info(string message) => _plain.WriteLine(_redactor.Redact(message));

    public void Error(string message, string? title = null) => Annotate("error", message, title, _commands.Error);

    public void Warning(string message, string? title = null) => Annotate("warning", message, title, _commands.Warning);

    public void Notice(string message, string? title = null) => Annotate("notice", message, title, _commands.Notice);

    private void Annotate(string level, string message, string? title, Action<string, string?> command)
    {
        var safe = _redactor.Redact(message);
        if (_annotate)
        {
            command(safe, title is null ? null : _redactor.Redact(title));
        }
        else
        {
            _plain.WriteLine($"{level}: {safe}");
        }
    }
}
