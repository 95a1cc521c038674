using System.Text.Json.Nodes;

namespace Klinky.Testing;

/// <summary>
/// GitHub's real event payloads, kept in the repository under <c>tests/fixtures/github-events</c> (see its NOTICE).
/// The one loader every test project uses; variants are edited copies, the files stay untouched.
/// </summary>
public static class GitHubEvents
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "github-events");

    /// <summary>The path of the payload <paramref name="name"/> (file name without <c>.json</c>).</summary>
    public static string PathOf(string name) => Path.Combine(Folder, name + ".json");

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>A copy of payload <paramref name="name"/> changed by <paramref name="edit"/>, as JSON text.</summary>
    public static string Edit(string name, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Read(name))!.AsObject();
        edit(root);
        return root.ToJsonString();
    }
}
