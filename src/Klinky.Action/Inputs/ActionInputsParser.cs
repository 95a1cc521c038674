using System.Globalization;
using Klinky.Publishing;
using Klinky.Reporting;

namespace Klinky.Action.Inputs;

/// <summary>
/// Reads the action's inputs as the runner passes them: <c>INPUT_&lt;NAME&gt;</c>, upper-cased, hyphens kept.
/// The runner sets every declared input, to its default or to an empty string, so an empty string means "not given".
/// </summary>
internal static class ActionInputsParser
{
    public const string DefaultCommentKey = "default";
    public const int MaxCommentKeyLength = 64;
    public const int DefaultGitHubRateLimitWaitSeconds = 60;

    public const int DefaultRefreshAfterMinutes = 10;

    // An hour: GitHub's primary limit resets within one, so a longer bound is a typo, not a plan.
    public const int MaxGitHubRateLimitWaitSeconds = 3600;

    private static readonly char[] LinkSeparators = { ',', '\n', '\r' };

    /// <summary>The environment variable the runner uses for an input: spaces become underscores, hyphens stay.</summary>
    public static string VariableName(string inputName) => "INPUT_" + inputName.Replace(' ', '_').ToUpperInvariant();

    /// <summary>The raw value of an input, trimmed; null when absent or empty.</summary>
    public static string? Raw(IReadOnlyDictionary<string, string?> environment, string inputName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.TryGetValue(VariableName(inputName), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <exception cref="ActionInputException">An input is missing or malformed.</exception>
    public static ActionInputs Parse(IReadOnlyDictionary<string, string?> environment)
    {
        var apiKey = Raw(environment, "api-key") ?? throw Missing(environment, "api-key", "pass it from a secret: api-key: ${{ secrets.KLINKY_API_KEY }}");
        var links = ParseLinks(Raw(environment, "links"));
        var slugPrefix = Raw(environment, "slug-prefix");
        var manifest = Raw(environment, "manifest");
        // None of links, slug-prefix and manifest: the default selection (Links/DefaultSelection) finds the pull request's links.
        return new ActionInputs
        {
            ApiKey = apiKey,
            BaseUrl = ParseBaseUrl(Raw(environment, "base-url"), apiKey),
            GitHubToken = Raw(environment, "github-token"),
            Links = links,
            SlugPrefix = slugPrefix,
            Manifest = manifest,
            CommentKey = ParseCommentKey(Raw(environment, "comment-key")),
            CommentMode = ParseEnum("comment-mode", Raw(environment, "comment-mode"), CommentMode.Update),
            NoPullRequest = ParseEnum("no-pull-request", Raw(environment, "no-pull-request"), NoPullRequestMode.Summary),
            OnClose = ParseEnum("on-close", Raw(environment, "on-close"), OnCloseMode.Deactivate),
            GitHubRateLimitWait = ParseSeconds("github-rate-limit-wait", Raw(environment, "github-rate-limit-wait"), DefaultGitHubRateLimitWaitSeconds, MaxGitHubRateLimitWaitSeconds),
            Chart = ParseEnum("chart", Raw(environment, "chart"), ReportChart.Both),
            JobSummary = ParseBoolean("job-summary", Raw(environment, "job-summary"), true),
            FailOnCommentError = ParseBoolean("fail-on-comment-error", Raw(environment, "fail-on-comment-error"), false),
            Status = ParseBoolean("status", Raw(environment, "status"), false),
            PullRequestNumber = ParsePullRequestNumber(Raw(environment, "pr-number")),
            MinimumEffect = ParseMinimumEffect(Raw(environment, "minimum-effect")),
            RefreshAfter = ParseMinutes("refresh-after", Raw(environment, "refresh-after"), DefaultRefreshAfterMinutes, 1440),
            BudgetReserve = ParseWhole("budget-reserve", Raw(environment, "budget-reserve"), Klinky.RateLimits.RequestBudget.DefaultReserve, 100_000, "requests"),
            FailOnStale = ParseBoolean("fail-on-stale", Raw(environment, "fail-on-stale"), false),
        };
    }

    /// <summary>
    /// A required input that is absent names the exact variable the runner would have set; when the same name is set in
    /// another spelling (a hand-written <c>INPUT_API_KEY</c>, say), the error says which one and why it was not read.
    /// </summary>
    private static ActionInputException Missing(IReadOnlyDictionary<string, string?> environment, string inputName, string hint)
    {
        var expected = VariableName(inputName);
        var lookalike = environment
            .Where(e => !string.IsNullOrWhiteSpace(e.Value) && e.Key != expected
                && string.Equals(e.Key.Replace('_', '-'), expected.Replace('_', '-'), StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return lookalike is null
            ? new ActionInputException(inputName, $"is required and was not supplied: the runner passes it as {expected} ({hint})")
            : new ActionInputException(inputName, $"is required and was not supplied: {lookalike} is set, but inputs keep their hyphens: {expected}");
    }

    private static List<string> ParseLinks(string? value)
    {
        if (value is null)
        {
            return new List<string>();
        }

        return value.Split(LinkSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string ParseBaseUrl(string? value, string apiKey)
    {
        if (value is null)
        {
            return KlinkyClientOptions.DefaultBaseUrl;
        }

        if (KlinkyBaseUrl.Check(value, apiKey) is { } problem)
        {
            throw new ActionInputException("base-url", problem.Message);
        }

        return value;
    }

    // The key goes into an HTML comment that identifies the report: a narrow alphabet keeps it from closing or forging one.
    private static string ParseCommentKey(string? value)
    {
        if (value is null)
        {
            return DefaultCommentKey;
        }

        // "--" cannot stand inside an HTML comment, so the marker folds runs of '-' and trims them: keys that differ only
        // there would share one comment. Refused here instead.
        if (value.Length > MaxCommentKeyLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            || value.Contains("--", StringComparison.Ordinal) || value.StartsWith('-') || value.EndsWith('-'))
        {
            throw new ActionInputException("comment-key", $"may hold only letters, digits, '-', '_' and '.' (no leading, trailing or doubled '-'), at most {MaxCommentKeyLength} characters");
        }

        return value;
    }

    // The cmdlet's -MinimumEffect range (0.01 to 100, i.e. +1% to +10,000%); "10%" is read as 0.1, as people write it.
    private static double? ParseMinimumEffect(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var percent = value.EndsWith('%');
        var number = (percent ? value[..^1] : value).TrimStart('+');
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            || (percent ? parsed / 100 : parsed) is not (>= 0.01 and <= 100) || double.IsNaN(parsed))
        {
            throw new ActionInputException("minimum-effect", $"must be a relative uplift from 0.01 to 100, e.g. 0.1 or 10% for +10%; got '{value}'");
        }

        return percent ? parsed / 100 : parsed;
    }

    private static T ParseEnum<T>(string inputName, string? value, T defaultValue)
        where T : struct, Enum
    {
        if (value is null)
        {
            return defaultValue;
        }

        var values = Enum.GetValues<T>();
        var names = values.Select(v => Kebab(v.ToString())).ToList();
        var index = names.FindIndex(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new ActionInputException(inputName, $"must be one of {string.Join(", ", names)}; got '{value}'");
        }

        return values[index];
    }

    /// <summary>An enum member as the workflow spells it: <c>CommitComment</c> is <c>commit-comment</c>.</summary>
    internal static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsAsciiLetterUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static TimeSpan ParseSeconds(string inputName, string? value, int defaultSeconds, int maxSeconds)
    {
        if (value is null)
        {
            return TimeSpan.FromSeconds(defaultSeconds);
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > maxSeconds)
        {
            throw new ActionInputException(inputName, $"must be a whole number of seconds from 0 to {maxSeconds}; got '{value}'");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    // Decimals allowed: a compressed hour (the organisation simulation) refreshes after seconds.
    private static TimeSpan ParseMinutes(string inputName, string? value, int defaultMinutes, int maxMinutes)
    {
        if (value is null)
        {
            return TimeSpan.FromMinutes(defaultMinutes);
        }

        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes) && minutes <= maxMinutes
            ? TimeSpan.FromMinutes(minutes)
            : throw new ActionInputException(inputName, $"must be a number of minutes from 0 to {maxMinutes} (e.g. 10 or 0.5); got '{value}'");
    }

    private static int ParseWhole(string inputName, string? value, int defaultValue, int max, string unit)
    {
        if (value is null)
        {
            return defaultValue;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max
            ? number
            : throw new ActionInputException(inputName, $"must be a whole number of {unit} from 0 to {max}; got '{value}'");
    }

    // The same spellings as @actions/core's getBooleanInput (YAML 1.2 core schema).
    private static bool ParseBoolean(string inputName, string? value, bool defaultValue) => value switch
    {
        null => defaultValue,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => throw new ActionInputException(inputName, $"must be true or false; got '{value}'"),
    };

    private static int? ParsePullRequestNumber(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw new ActionInputException("pr-number", $"must be a pull request number (a positive integer); got '{value}'");
        }

        return number;
    }
}
