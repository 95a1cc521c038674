using System.Text.Json.Nodes;
using Klinky.Testing;

namespace Klinky.Tests.Ci;

/// <summary>GitHub's event payloads (through <see cref="GitHubEvents"/>) and the runner environment that goes with them.</summary>
internal static class GitHubEventFixtures
{
    public const string EventPath = "/home/runner/work/_temp/_github_workflow/event.json";

    public static string Read(string name) => GitHubEvents.Read(name);

    public static string Edit(string name, Action<JsonObject> edit) => GitHubEvents.Edit(name, edit);

    /// <summary>A file reader that serves <paramref name="json"/> at <see cref="EventPath"/> and fails loudly for any other path.</summary>
    public static Func<string, string?> Serve(string? json) =>
        path => path == EventPath ? json : throw new FileNotFoundException("unexpected path " + path);

    public static Dictionary<string, string?> GitHubEnvironment(string eventName, string reference, params (string Name, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "Codertocat/Hello-World",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = EventPath,
            ["GITHUB_REF"] = reference,
            ["GITHUB_SHA"] = "1111111111111111111111111111111111111111",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = "https://api.github.com",
            ["GITHUB_RUN_ID"] = "9876543210",
            ["GITHUB_RUN_ATTEMPT"] = "1",
        };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }
}
