namespace Klinky.Testing.GitHub;

/// <summary>
/// How the fake GitHub treats a token, as the real one does: a personal token is a user (<c>GET /user</c> answers);
/// the workflow's installation token gets 403 on <c>/user</c> and comments as <c>github-actions[bot]</c>;
/// a fork's token is read-only (403 "Resource not accessible by integration" on every write).
/// </summary>
public sealed record FakeToken(string Login, bool IsInstallation, bool ReadOnly);
