using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Security;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// The served keys as the dashboard knows them: each key's workspace and its masked spelling. The full key is used only to
/// call the emulator's own API for an action (simulate, declare a winner) and is never written into a page.
/// </summary>
internal sealed class DashboardKeys
{
    private const string LivePrefix = "klinky_live_";
    private readonly List<(Workspace Workspace, string Key)> _keys;

    public DashboardKeys(ServeSettings settings)
    {
        _keys = settings.ApiKeys.Distinct(StringComparer.Ordinal)
            .Select(key => (Workspace: new Workspace(Convert.ToHexStringLower(ApiKeyRing.Hash(key)), ApiKeyRing.Hash(key)), Key: key)).ToList();
    }

    public IEnumerable<Workspace> Workspaces => _keys.Select(k => k.Workspace);

    public int Count => _keys.Count;

    public string? KeyOf(string workspaceId) => _keys.FirstOrDefault(k => k.Workspace.Id == workspaceId).Key;

    public string MaskedKeyOf(string workspaceId) => KeyOf(workspaceId) is { } key ? Mask(key) : "(unknown key)";

    /// <summary>At most four characters of the secret part, so two keys can be told apart and neither can be read off the page.</summary>
    public static string Mask(string key)
    {
        var prefix = key.StartsWith(LivePrefix, StringComparison.Ordinal) ? LivePrefix : "";
        var secret = key[prefix.Length..];
        return prefix + secret[..Math.Min(4, secret.Length / 4)] + "…";
    }
}
