using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using JiraConnector.Resources;

namespace JiraConnector.Completers
{
    /// <summary>Tab completion of project keys, read from Jira's project/search (keys starting with
    /// what was typed, through its query parameter).</summary>
    public sealed class ProjectKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var instance = CompletionInstance.From(fakeBoundParameters);
            return instance == null ? Enumerable.Empty<CompletionResult>() : Keys(instance, (wordToComplete ?? string.Empty).Trim('\'', '"'), string.Empty);
        }

        /// <summary>The project keys starting with <paramref name="typed"/>, each completed as <paramref name="prefix"/> + key.</summary>
        internal static IEnumerable<CompletionResult> Keys(JiraInstance instance, string typed, string prefix)
        {
            try
            {
                using var timeout = new CancellationTokenSource(CompletionInstance.TimeoutMilliseconds);
                var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
                return Completions.ProjectKeysAsync(instance, timeout.Token).GetAwaiter().GetResult()
                    .Where(p => pattern.IsMatch(p.Key))
                    .Select(p => new CompletionResult(prefix + p.Key, p.Key, CompletionResultType.ParameterValue, p.Value))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
