using System.Text;
using Klinky.Action.Inputs;

namespace Klinky.Action.Links;

/// <summary>What <c>on-close</c> did: the links it turned off or deleted, those already off, and those already gone.</summary>
internal sealed record RetireResult(OnCloseMode Mode, IReadOnlyList<string> Changed, IReadOnlyList<string> AlreadyOff, IReadOnlyList<string> NotFound)
{
    public string Verb => Mode == OnCloseMode.Delete ? "deleted" : "turned off";

    /// <summary>One Markdown paragraph for the report comment.</summary>
    public string Markdown(string? runUrl)
    {
        static string List(IEnumerable<string> slugs) => string.Join(", ", slugs.Select(s => "`" + s.Replace("`", "", StringComparison.Ordinal) + "`"));
        var text = new StringBuilder("**This pull request was closed.** ");
        text.Append(Changed.Count == 0 ? "No Klinky link needed changing" : $"Its Klinky link{(Changed.Count == 1 ? " was" : "s were")} {Verb}: {List(Changed)}");
        if (AlreadyOff.Count > 0)
        {
            text.Append($"; already off: {List(AlreadyOff)}");
        }

        if (NotFound.Count > 0)
        {
            text.Append($"; already gone: {List(NotFound)}");
        }

        text.Append(Mode == OnCloseMode.Delete ? ". The numbers above are the last ones." : ". They no longer redirect; their numbers stay in Klinky.");
        if (runUrl is not null)
        {
            text.Append($" ([run]({runUrl}))");
        }

        return text.ToString();
    }
}
