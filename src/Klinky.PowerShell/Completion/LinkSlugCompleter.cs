using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Klinky.PowerShell.Completion;

/// <summary>Completes -Slug from the links this session has seen.</summary>
public sealed class LinkSlugCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        SeenLinks.All
            .Where(l => l.Slug.StartsWith(CompletionText.Unquote(wordToComplete), StringComparison.OrdinalIgnoreCase))
            .Select(l => new CompletionResult(CompletionText.Quote(l.Slug), l.Slug, CompletionResultType.ParameterValue, $"{l.Name} ({l.Id})"));
}
