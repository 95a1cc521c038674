using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Klinky.PowerShell.Completion;

/// <summary>Completes -Id from the links this session has seen; the list shows each id's slug.</summary>
public sealed class LinkIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        SeenLinks.All
            .Where(l => l.Id.StartsWith(CompletionText.Unquote(wordToComplete), StringComparison.OrdinalIgnoreCase))
            .Select(l => new CompletionResult(l.Id, $"{l.Id} ({l.Slug})", CompletionResultType.ParameterValue, $"{l.Slug}: {l.Name}"));
}
