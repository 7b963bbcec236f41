using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using JiraConnector.Events;

namespace JiraConnector.Completers
{
    /// <summary>Tab completion of the polling cmdlets' -Object: the objects Jira can be asked "what changed since" about.</summary>
    public sealed class PollableObjectCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return EventPollers.Names.Where(pattern.IsMatch)
                .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name)).ToList();
        }
    }
}
