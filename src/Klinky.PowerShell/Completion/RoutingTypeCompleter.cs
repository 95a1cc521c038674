using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Klinky.Links;

namespace Klinky.PowerShell.Completion;

/// <summary>Completes -RoutingType with the API's values (the rule itself is checked by Core's validator).</summary>
public sealed class RoutingTypeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        new[] { RoutingTypes.AbTest, RoutingTypes.Geo }
            .Where(v => v.StartsWith(CompletionText.Unquote(wordToComplete), StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
}
