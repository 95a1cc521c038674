namespace Klinky.Publishing.Tests.Fakes;

/// <summary>Who a token is on a fake platform, and whether it may write (a missing permission answers 403 to writes).</summary>
public sealed record FakeIdentity(string Id, bool CanWrite = true);
