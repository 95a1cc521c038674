using Klinky.Emulator.Chaos;

namespace Klinky.Emulator.CommandLine;

/// <summary>Parses the serve command line: <c>--urls --api-key (repeatable) --plan --profile --db|--in-memory --chaos</c>.</summary>
internal static class ServeArguments
{
    public const string Usage =
        "usage: klinky-emulator [--urls http://127.0.0.1:5080] [--api-key KEY]... [--plan growth|scale|unlimited]\n" +
        "                       [--profile full|documented] [--db PATH | --in-memory] [--chaos latency=200ms,error-rate=0.1,...]\n" +
        "       klinky-emulator simulate --base-url URL --api-key KEY --slug SLUG --visitors N --conversion control=0.05,variant_b=0.07 [--seed S]\n" +
        "       klinky-emulator seed --db PATH --api-key KEY --slug SLUG --clicks N";

    public static ServeSettings Parse(IReadOnlyList<string> args)
    {
        var urls = "http://127.0.0.1:5080";
        var keys = new List<string>();
        var plan = "unlimited";
        var profile = ServeProfile.Full;
        string? db = null;
        var inMemory = false;
        ChaosSpec? chaos = null;
        var reader = new ArgumentReader(args);
        while (reader.TryNext(out var name))
        {
            switch (name)
            {
                case "--urls": urls = reader.Value(name); break;
                case "--api-key": keys.Add(ValidKey(reader.Value(name))); break;
                case "--plan": plan = reader.Value(name); break;
                case "--profile": profile = ParseProfile(reader.Value(name)); break;
                case "--db": db = reader.Value(name); break;
                case "--in-memory": inMemory = true; break;
                case "--chaos": chaos = ChaosSpec.Parse(reader.Value(name)); break;
                default: throw new UsageException($"unknown option '{name}'");
            }
        }

        var limit = ServePlan.LimitOf(plan) ?? throw new UsageException($"--plan must be growth, scale or unlimited, not '{plan}'");
        if (db is not null && inMemory)
        {
            throw new UsageException("--db and --in-memory exclude each other");
        }

        var databasePath = inMemory ? null : db ?? ServeSettings.DefaultDatabasePath;
        var generated = keys.Count == 0;
        if (generated)
        {
            keys.Add(databasePath is null ? ServeSettings.GenerateKey() : DevKeyFile.ReadOrCreate(databasePath));
        }

        return new ServeSettings
        {
            Urls = urls,
            ApiKeys = keys,
            KeyGenerated = generated,
            Plan = plan,
            HourlyLimit = limit,
            Profile = profile,
            DatabasePath = databasePath,
            Chaos = chaos,
        };
    }

    private static ServeProfile ParseProfile(string value) => value switch
    {
        "full" => ServeProfile.Full,
        "documented" => ServeProfile.Documented,
        _ => throw new UsageException($"--profile must be full or documented, not '{value}'"),
    };

    // The key is never echoed back in the message: a mistyped secret is still a secret.
    private static string ValidKey(string key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > 200 || key.Any(char.IsWhiteSpace)
            ? throw new UsageException("--api-key must be a non-empty value without spaces (at most 200 characters)")
            : key;
}
