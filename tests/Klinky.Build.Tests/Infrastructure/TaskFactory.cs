using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Klinky.Build.Tests.Infrastructure;

/// <summary>Builds the task as the targets would call it, with items and an environment of the test's choosing.</summary>
internal static class UpsertTaskFactory
{
    public const string ApiKey = "klinky_live_0123456789abcdef0123456789abcdef";

    public static UpsertPreviewLinks Create(FakeBuildEngine engine, string baseUrl, IDictionary<string, string?>? environment = null, int controlWeight = 50)
    {
        var env = environment ?? new Dictionary<string, string?> { ["KLINKY_API_KEY"] = ApiKey };
        return new UpsertPreviewLinks
        {
            BuildEngine = engine,
            BaseUrl = baseUrl,
            Links = new ITaskItem[] { Link("checkout", "Checkout preview") },
            Variants = new ITaskItem[]
            {
                Variant("control", "checkout", "https://shop.example.com/checkout", controlWeight),
                Variant("preview", "checkout", "https://pr42.preview.example.com/checkout", 100 - controlWeight),
            },
            PullRequestNumber = "42",
            ProjectFile = "Sample.csproj",
            TimeoutSeconds = 20,
            EnvironmentReader = name => env.TryGetValue(name, out var value) ? value : null,
        };
    }

    public static ITaskItem Link(string name, string? displayName = null)
    {
        var item = new TaskItem(name);
        if (displayName is not null)
        {
            item.SetMetadata("Name", displayName);
        }

        return item;
    }

    public static ITaskItem Variant(string label, string link, string url, int? weight)
    {
        var item = new TaskItem(label);
        item.SetMetadata("Link", link);
        item.SetMetadata("Url", url);
        if (weight is not null)
        {
            item.SetMetadata("Weight", weight.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return item;
    }
}
