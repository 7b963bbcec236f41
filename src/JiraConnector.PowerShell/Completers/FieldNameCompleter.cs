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
    /// <summary>Tab completion of incident field names for -Fields, each field once (its display name,
    /// or its id), from the instance's field catalog (read once, then cached).</summary>
    public sealed class FieldNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var instance = CompletionInstance.From(fakeBoundParameters);
            if (instance == null) return Enumerable.Empty<CompletionResult>();
            FieldCatalog catalog;
            try
            {
                using var timeout = new CancellationTokenSource(CompletionInstance.TimeoutMilliseconds);
                catalog = FieldCatalog.ForAsync(instance, null, timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            // Each field once: by its name, or by its id when the id is what was typed or when
            // another field has the same name (the id then tells them apart).
            var shared = new HashSet<string>(catalog.Fields.GroupBy(f => f.Name ?? f.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key),
                StringComparer.OrdinalIgnoreCase);
            return catalog.Fields
                .Select(f => (Text: f.Name != null && !shared.Contains(f.Name) && pattern.IsMatch(f.Name) ? f.Name : f.Id, Field: f))
                .Where(pair => pattern.IsMatch(pair.Text))
                .OrderBy(pair => pair.Text, StringComparer.OrdinalIgnoreCase)
                .Select(pair => new CompletionResult(InstanceNameCompleter.Quote(pair.Text), pair.Text, CompletionResultType.ParameterValue,
                    $"{pair.Field.Name} ({pair.Field.Id}, {pair.Field.Type})"));
        }
    }
}
