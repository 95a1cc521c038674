namespace Klinky.Emulator.Seeding;

/// <summary>What <c>klinky-emulator seed</c> writes: a link with this many clicks, for the stats benchmark.</summary>
internal sealed record SeedSettings(string DatabasePath, string ApiKey, string Slug, int Clicks);
