using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Seeding;

/// <summary>Parses the benchmark's hidden <c>seed --db PATH --api-key KEY --slug SLUG --clicks N</c>.</summary>
internal static class SeedArguments
{
    public static SeedSettings Parse(IReadOnlyList<string> args)
    {
        string? db = null, key = null, slug = null;
        var clicks = 0;
        var reader = new ArgumentReader(args);
        while (reader.TryNext(out var name))
        {
            switch (name)
            {
                case "--db": db = reader.Value(name); break;
                case "--api-key": key = reader.Value(name); break;
                case "--slug": slug = reader.Value(name); break;
                case "--clicks": clicks = reader.IntValue(name, 0, 100_000_000); break;
                default: throw new UsageException($"seed: unknown option '{name}'");
            }
        }

        return new SeedSettings(
            db ?? throw new UsageException("seed: --db is required"),
            key ?? throw new UsageException("seed: --api-key is required (the link belongs to that key's workspace)"),
            slug ?? throw new UsageException("seed: --slug is required"),
            clicks);
    }
}
