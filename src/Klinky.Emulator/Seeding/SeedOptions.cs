using System.CommandLine;
using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Seeding;

/// <summary>The benchmark's hidden <c>seed --db PATH --api-key KEY --slug SLUG --clicks N</c>.</summary>
internal sealed class SeedOptions
{
    public Option<string> Database { get; } = new("--db") { Description = "The SQLite file to write into", HelpName = "PATH" };

    public Option<string> ApiKey { get; } = new("--api-key") { Description = $"The link's workspace key (or {ApiKeyInput.Variable})", HelpName = "KEY" };

    public Option<string> Slug { get; } = new("--slug") { Description = "The link's slug", HelpName = "SLUG" };

    public Option<string> Clicks { get; } = new("--clicks") { Description = "How many clicks to write", HelpName = "N" };

    public Command CreateCommand()
    {
        var command = new Command("seed", "Write a link with N clicks straight into a database file (for the stats benchmark)") { Hidden = true };
        foreach (var option in new Option[] { Database, ApiKey, Slug, Clicks })
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <exception cref="UsageException">A value is missing or breaks its rule.</exception>
    public SeedSettings Read(ParseResult result)
    {
        var keys = ApiKeyInput.Resolve(result.GetValue(ApiKey) is { } key ? new[] { key } : null);
        return new SeedSettings(
            result.GetValue(Database) ?? throw new UsageException("seed: --db is required"),
            keys.Count > 0 ? keys[0] : throw new UsageException($"seed: --api-key (or {ApiKeyInput.Variable}) is required (the link belongs to that key's workspace)"),
            result.GetValue(Slug) ?? throw new UsageException("seed: --slug is required"),
            result.GetValue(Clicks) is { } clicks ? NumberInput.Parse("--clicks", clicks, 0, 100_000_000) : 0);
    }
}
