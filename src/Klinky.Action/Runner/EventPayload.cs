using System.Text.Json;

namespace Klinky.Action.Runner;

/// <summary>The one field of the event payload that Core's CI context does not carry: the activity (<c>closed</c>, ...).</summary>
internal static class EventPayload
{
    /// <summary>The payload's <c>action</c>; null when there is no payload or it has none.</summary>
    public static string? Action(string? eventPath)
    {
        if (string.IsNullOrEmpty(eventPath) || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(eventPath));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String
                ? action.GetString()
                : null;
        }
        catch (JsonException)
        {
            // Core's context reader already reports an unreadable payload; here it only means "no activity".
            return null;
        }
    }

    /// <summary>A pull request's closing event (merged or not), the trigger of <c>on-close</c>.</summary>
    public static bool IsPullRequestClosed(string? eventName, string? eventPath) =>
        eventName is "pull_request" or "pull_request_target" && Action(eventPath) == "closed";
}
