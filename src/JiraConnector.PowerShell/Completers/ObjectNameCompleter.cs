using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using JiraConnector.Resources;

namespace JiraConnector.Completers
{
    /// <summary>Tab completion of resource names for -Object; child paths are offered with their
    /// placeholder (incidents/{id}/comments) for the user to fill in.</summary>
    public sealed class ObjectNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return ResourceCatalog.Names
                .Where(name => pattern.IsMatch(name))
                .Select(name => new CompletionResult(name.IndexOf('{') >= 0 ? "'" + name + "'" : name, name,
                    CompletionResultType.ParameterValue, ResourceCatalog.Get(name).JiraPath));
        }
    }
}
