using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using JiraConnector.Adapters;

namespace JiraConnector.Completers
{
    /// <summary>Tab completion of connected instance names.</summary>
    public sealed class InstanceNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return SessionRegistry.Current.Instances
                .Where(i => pattern.IsMatch(i.Name))
                .Select(i => new CompletionResult(Quote(i.Name), i.Name, CompletionResultType.ParameterValue, i.Url.ToString()));
        }

        internal static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
