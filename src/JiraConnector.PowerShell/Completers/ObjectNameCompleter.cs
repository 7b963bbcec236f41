using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using JiraConnector.Resources;

namespace JiraConnector.Completers
{
    /// <summary>Tab completion of resource names for -Object; child paths are offered with their
    /// placeholder (incidents/{id}/comments) for the user to fill in. Once a parent is typed, its
    /// children are offered with it (incidents/OPS-1/ gives incidents/OPS-1/comments ...), and
    /// after incidents/ and projects/ the issue and project keys.</summary>
    public sealed class ObjectNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var segments = typed.Split('/');
            if (segments.Length == 3 && segments[1].Length > 0) return Children(segments[0], segments[1], segments[2]);
            if (segments.Length == 2 && CompletionInstance.From(fakeBoundParameters) is JiraInstance instance)
            {
                if (string.Equals(segments[0], "incidents", StringComparison.OrdinalIgnoreCase)) return IssueKeyCompleter.Keys(instance, segments[1], segments[0] + "/");
                if (string.Equals(segments[0], "projects", StringComparison.OrdinalIgnoreCase)) return ProjectKeyCompleter.Keys(instance, segments[1], segments[0] + "/");
            }
            var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
            return ResourceCatalog.Names
                .Where(name => pattern.IsMatch(name))
                .Select(name => new CompletionResult(name.IndexOf('{') >= 0 ? "'" + name + "'" : name, name,
                    CompletionResultType.ParameterValue, ResourceCatalog.Get(name).JiraPath));
        }

        /// <summary>The child resources of one parent record: parent/{id}/child with the id filled in.</summary>
        private static IEnumerable<CompletionResult> Children(string parent, string id, string child)
        {
            var pattern = new WildcardPattern(child + "*", WildcardOptions.IgnoreCase);
            return ResourceCatalog.Names
                .Select(name => name.Split('/'))
                .Where(parts => parts.Length == 3 && parts[1].StartsWith("{", StringComparison.Ordinal)
                    && string.Equals(parts[0], parent, StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(parts[2]))
                .Select(parts => (Path: parts[0] + "/" + id + "/" + parts[2], Definition: ResourceCatalog.Get(string.Join("/", parts))))
                .Select(c => new CompletionResult(InstanceNameCompleter.Quote(c.Path), c.Path, CompletionResultType.ParameterValue, c.Definition.JiraPath))
                .ToList();
        }
    }
}
