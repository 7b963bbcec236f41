using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using JiraConnector.Errors;
using JiraConnector.Internal;

namespace JiraConnector.Resources
{
    /// <summary>The normalized resources and the Jira endpoints behind them, and the resolution of an
    /// -Object value ("incidents", "incidents/OPS-1/comments", or a pass-through REST path).</summary>
    internal static class ResourceCatalog
    {
        /// <summary>Cloud's search/jql refuses a query without a restriction, so "everything" is
        /// spelled as a restriction every issue meets, in a stable order for paging.</summary>
        public const string AllIncidentsJql = IncidentResources.AllIncidentsJql;

        // Letters, digits and - _ . ~ per segment, never "." or "..": a pass-through path stays under rest/api.
        private static readonly Regex PassThroughPath = new Regex(@"^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*(/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)*$",
            RegexOptions.CultureInvariant);

        private static readonly IReadOnlyList<ResourceDefinition> All =
            IncidentResources.All().Concat(DirectoryResources.All()).Concat(ProjectItemResources.All()).Concat(FilterResources.All())
                .Concat(AgileResources.All()).Concat(MetadataResources.All()).ToList();

        private static readonly Dictionary<string, ResourceDefinition> Definitions =
            All.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

        public static IReadOnlyCollection<string> Names => Definitions.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();

        public static IReadOnlyList<ResourceDefinition> Resources => All;

        /// <summary>A resource by its catalog name (incidents, incidents/{id}/comments...).</summary>
        public static ResourceDefinition Get(string name)
        {
            if (name != null && Definitions.TryGetValue(name.Trim(), out var definition)) return definition;
            throw UnknownObject(name);
        }

        /// <summary>Resolves what the user typed: a catalog name, a child path with its parent's id
        /// filled in, or (when allowed) a REST path passed through as is.</summary>
        public static ResolvedResource Resolve(string objectName, bool allowPassThrough)
        {
            var text = (objectName ?? string.Empty).Trim().Trim('/');
            if (Definitions.TryGetValue(text, out var exact)) return new ResolvedResource(exact, text, null);
            var segments = text.Split('/');
            foreach (var definition in All.Where(d => d.HasParent))
            {
                var pattern = definition.Name.Split('/');
                if (pattern.Length != segments.Length) continue;
                string? parent = null;
                var matches = true;
                for (var i = 0; i < pattern.Length && matches; i++)
                {
                    if (pattern[i].StartsWith("{", StringComparison.Ordinal)) parent = segments[i];
                    else matches = string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase);
                }
                if (matches && parent != null && !Rest.IsSegment(parent)) throw UnknownObject(objectName, ": an incident key cannot be empty, '.' or '..'");
                if (matches && parent != null) return new ResolvedResource(definition, text, parent);
            }
            if (allowPassThrough && PassThroughPath.IsMatch(text) && text.Split('/').All(Rest.IsSegment))
            {
                return new ResolvedResource(PassThroughResource.For(text), text, null);
            }
            throw UnknownObject(objectName);
        }

        // What people coming from Jira or other modules call the resources.
        private static readonly Dictionary<string, string> Synonyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["issues"] = "incidents", ["issue"] = "incidents", ["tickets"] = "incidents", ["ticket"] = "incidents",
            ["users"] = "contacts", ["user"] = "contacts", ["issuetypes"] = "incident-types", ["issue-types"] = "incident-types",
        };

        /// <summary>The one error for a name that is no resource, whichever cmdlet was given it:
        /// the valid names, and the one meant when the name is near one or a synonym of one.</summary>
        public static ArgumentException UnknownObject(string? name, string? why = null)
        {
            var typed = (name ?? string.Empty).Trim().Trim('/');
            var meant = Synonyms.TryGetValue(typed, out var synonym) ? synonym : ClosestName.Among(Names, typed);
            return new JiraArgumentException(ErrorIds.InvalidArgument.UnknownObject, $"'{name}' is not a resource this module knows{why}." +
                (meant != null ? $" Did you mean '{meant}'?" : string.Empty) + $" Valid names: {string.Join(", ", Names)}.", "Object");
        }
    }
}
