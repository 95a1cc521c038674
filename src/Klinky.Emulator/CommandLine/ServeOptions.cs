using System.CommandLine;
using Klinky.Emulator.Chaos;

namespace Klinky.Emulator.CommandLine;

/// <summary>The serve command line: <c>--urls --api-key (repeatable) --plan --rate-limit --profile --db|--in-memory --chaos --dashboard-remote</c>.</summary>
internal sealed class ServeOptions
{
    public Option<string> Urls { get; } = new("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080", HelpName = "URL" };

    public Option<string[]> ApiKeys { get; } = new("--api-key")
    {
        Description = $"An accepted key, each its own workspace (repeatable). Prefer {ApiKeyInput.Variable}: arguments show in the process list. Default: a dev key kept beside the database",
        HelpName = "KEY",
    };

    // Checked in Read rather than with AcceptOnlyFromAmong, whose error spans several lines: a usage error is one line.
    public Option<string> Plan { get; } = new("--plan") { Description = "The hourly request budget: growth (100), scale (1000) or unlimited", DefaultValueFactory = _ => "unlimited", HelpName = "growth|scale|unlimited" };

    public Option<string> Profile { get; } = new("--profile") { Description = "Serve every row of the contract, or only the documented ones", DefaultValueFactory = _ => "full", HelpName = "full|documented" };

    public Option<string> Database { get; } = new("--db") { Description = "The SQLite file (default: the user's local application data, klinky/emulator.db)", HelpName = "PATH" };

    public Option<bool> InMemory { get; } = new("--in-memory") { Description = "Keep everything in memory; nothing survives a restart" };

    public Option<string> RateLimit { get; } = new(RateLimitSpec.OptionName)
    {
        Description = "Test only: LIMIT requests per WINDOW instead of the plan's hour, e.g. 100/60s (a compressed hour for simulations)",
        HelpName = "LIMIT/WINDOW",
    };

    public Option<string> Chaos { get; } = new("--chaos") { Description = "Inject faults into the API, e.g. latency=200ms,error-rate=0.1,rate-limit-burst=0.05,drop-rate=0.01,seed=7", HelpName = "SPEC" };

    public Option<bool> DashboardRemote { get; } = new("--dashboard-remote")
    {
        Description = "Also open the dashboard (/_klinky/) to requests from other addresses, after a login with an API key (default: loopback only)",
    };

    public void AddTo(Command command)
    {
        ApiKeys.AllowMultipleArgumentsPerToken = false;
        foreach (var option in new Option[] { Urls, ApiKeys, Plan, RateLimit, Profile, Database, InMemory, Chaos, DashboardRemote })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The settings these options describe; the API keys are those given (flags or environment), possibly none yet.</summary>
    /// <exception cref="UsageException">The options contradict each other or a value breaks its rule.</exception>
    public ServeSettings Read(ParseResult result)
    {
        var plan = result.GetValue(Plan)!;
        var limit = ServePlan.LimitOf(plan) ?? throw new UsageException($"--plan must be growth, scale or unlimited, not '{plan}'");
        var profile = result.GetValue(Profile) switch
        {
            "full" => ServeProfile.Full,
            "documented" => ServeProfile.Documented,
            var other => throw new UsageException($"--profile must be full or documented, not '{other}'"),
        };
        var db = result.GetValue(Database);
        var inMemory = result.GetValue(InMemory);
        if (db is not null && inMemory)
        {
            throw new UsageException("--db and --in-memory exclude each other");
        }

        var rate = result.GetValue(RateLimit) is { } spec ? RateLimitSpec.Parse(spec) : null;
        if (rate is not null && result.GetResult(Plan) is { Implicit: false })
        {
            throw new UsageException($"--plan and {RateLimitSpec.OptionName} exclude each other: {RateLimitSpec.OptionName} sets the budget and its window");
        }

        return new ServeSettings
        {
            Urls = result.GetValue(Urls)!,
            ApiKeys = ApiKeyInput.Resolve(result.GetValue(ApiKeys)),
            Plan = plan,
            HourlyLimit = rate?.Limit ?? limit,
            RateWindow = rate?.Window ?? ServeSettings.Hour,
            Profile = profile,
            DatabasePath = inMemory ? null : db ?? ServeSettings.DefaultDatabasePath,
            Chaos = result.GetValue(Chaos) is { } chaos ? ChaosSpec.Parse(chaos) : null,
            DashboardRemote = result.GetValue(DashboardRemote),
        };
    }
}
