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
    /// <summary>Tab completion of issue keys for -Id when -Object is incidents (or not typed yet),
    /// from Jira's issue picker: keys that start with what was typed, with their summaries.</summary>
    public sealed class IssueKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var objectName = fakeBoundParameters?["Object"]?.ToString();
            if (objectName != null && !string.Equals(objectName.Trim('/'), "incidents", StringComparison.OrdinalIgnoreCase)) return Enumerable.Empty<CompletionResult>();
            var instance = CompletionInstance.From(fakeBoundParameters!);
            if (instance == null) return Enumerable.Empty<CompletionResult>();
            return Keys(instance, (wordToComplete ?? string.Empty).Trim('\'', '"'), string.Empty);
        }

        /// <summary>Keys starting with <paramref name="typed"/>, each completed as <paramref name="prefix"/> + key.</summary>
        internal static IEnumerable<CompletionResult> Keys(JiraInstance instance, string typed, string prefix)
        {
            try
            {
                using var timeout = new CancellationTokenSource(CompletionInstance.TimeoutMilliseconds);
                var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
                return Completions.IssueKeysAsync(instance, typed, timeout.Token).GetAwaiter().GetResult()
                    .Where(p => pattern.IsMatch(p.Key))
                    .Select(p => new CompletionResult(prefix + p.Key, p.Key, CompletionResultType.ParameterValue, p.Key + ": " + p.Value))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
