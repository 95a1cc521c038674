namespace Klinky.Emulator.Security;

/// <summary>
/// What one API key owns. <see cref="Id"/> is a SHA-256 of the key, so the database and memory never hold the key itself.
/// </summary>
internal sealed record Workspace(string Id, byte[] KeyHash);
