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
    /// <summary>Tab completion of -Status: the statuses the incident named by -Id can move to now
    /// (its transitions), so only a status the workflow allows is offered.</summary>
    public sealed class StatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var issue = fakeBoundParameters?["Id"]?.ToString();
            var instance = CompletionInstance.From(fakeBoundParameters!);
            if (string.IsNullOrWhiteSpace(issue) || instance == null) return Enumerable.Empty<CompletionResult>();
            try
            {
                using var timeout = new CancellationTokenSource(CompletionInstance.TimeoutMilliseconds);
                var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
                return Completions.ReachableStatusesAsync(instance, issue!, timeout.Token).GetAwaiter().GetResult()
                    .Where(p => pattern.IsMatch(p.Key))
                    .Select(p => new CompletionResult(InstanceNameCompleter.Quote(p.Key), p.Key, CompletionResultType.ParameterValue, $"{p.Key} (transition '{p.Value}')"))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
