namespace Klinky.Emulator.Storage;

/// <summary>One variant's clicks in one time bucket that ends at <see cref="End"/>, and how many of them converted.</summary>
internal sealed record TimelineBucket(DateTimeOffset End, string VariantLabel, long Clicks, long Conversions);
